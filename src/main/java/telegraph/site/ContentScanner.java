package telegraph.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Finds the input files ({@code *.md}, {@code *.jsonl}) under the content folders, in a stable
 * order. With several folders, each file's name starts with its folder's name, so that two
 * archives' {@code 2026-05-16.md} stay apart in reports and in the build manifest.
 */
public final class ContentScanner {

    /** The files found and the parts of the folders that could not be listed. */
    public record Scan(List<InputFile> files, List<Problem> problems) {
    }

    private ContentScanner() {
    }

    public static Scan scan(List<Path> folders) throws ContentException {
        List<InputFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path folder : folders) {
            String prefix = folders.size() > 1 ? folder.toAbsolutePath().normalize().getFileName() + "/" : "";
            if (!Files.exists(folder)) {
                throw new ContentException("content folder not found: " + folder);
            }
            if (!Files.isDirectory(folder)) {
                throw new ContentException("content is not a folder: " + folder);
            }
            if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
                throw new ContentException("content folder is not readable: " + folder);
            }
            try {
                Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (attrs.isRegularFile() && (name.endsWith(".md") || name.endsWith(".jsonl"))) {
                            files.add(new InputFile(file, prefix + folder.relativize(file)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(new Problem(new SourceLine(prefix + folder.relativize(file), 0),
                                "cannot read: " + e.getClass().getSimpleName(), ""));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new ContentException("cannot list content folder " + folder + ": " + e.getMessage());
            }
        }
        files.sort(Comparator.comparing(InputFile::name));
        return new Scan(files, problems);
    }
}
