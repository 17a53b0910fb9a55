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

/** Finds the day files (*.md) under the content folders, in a stable order. */
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
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".md")) {
                            files.add(new InputFile(file, folder.relativize(file).toString()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(new Problem(new SourceLine(folder.relativize(file).toString(), 0),
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
