package telegraph.site;

import telegraph.parse.ContentException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Finds the input files ({@code *.md}, {@code *.jsonl}) under the content folders, in a stable
 * order. With several folders, each file's name starts with its folder's name, so that two
 * archives' {@code 2026-05-16.md} stay apart in reports and in the build manifest.
 *
 * <p>A content folder may be an archive's git repository as it is: hidden files and folders
 * ({@code .git}, {@code .github}), excluded paths and the output folder are never looked at; files
 * of other kinds (a LICENSE, images) are listed as skipped.
 */
public final class ContentScanner {

    /**
     * The files found, the files skipped for their kind (report names) and the parts of the
     * folders that could not be listed.
     */
    public record Scan(List<InputFile> files, List<String> skipped, List<Problem> problems) {
    }

    private ContentScanner() {
    }

    /**
     * @param excludes globs ({@code glob:} syntax of {@link java.nio.file.FileSystem#getPathMatcher}):
     *                 one with a {@code /} matches paths relative to a content folder, one without
     *                 matches a file or folder name at any depth
     * @param out      the output folder, skipped if it lies inside a content folder
     */
    public static Scan scan(List<Path> folders, List<String> excludes, Path out) throws ContentException {
        List<Predicate<Path>> excluded = new ArrayList<>();
        for (String glob : excludes) {
            try {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                excluded.add(glob.contains("/") ? matcher::matches : relative -> matcher.matches(relative.getFileName()));
            } catch (IllegalArgumentException e) {
                throw new ContentException("bad --exclude glob '" + glob + "': " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        Path output = out.toAbsolutePath().normalize();
        List<InputFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
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
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(folder)) {
                            return FileVisitResult.CONTINUE;
                        }
                        return left(dir) || dir.toAbsolutePath().normalize().equals(output)
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (left(file) || !attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        String name = file.getFileName().toString();
                        String reportName = prefix + folder.relativize(file);
                        if (name.endsWith(".md") || name.endsWith(".jsonl")) {
                            files.add(new InputFile(file, reportName));
                        } else {
                            skipped.add(reportName);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(new Problem(new SourceLine(prefix + folder.relativize(file), 0),
                                "cannot read: " + e.getClass().getSimpleName(), ""));
                        return FileVisitResult.CONTINUE;
                    }

                    /** Hidden or excluded: not part of the archive, not even worth a mention. */
                    private boolean left(Path path) {
                        Path relative = folder.relativize(path);
                        return relative.getFileName().toString().startsWith(".")
                                || excluded.stream().anyMatch(e -> e.test(relative));
                    }
                });
            } catch (IOException e) {
                throw new ContentException("cannot list content folder " + folder + ": " + e.getMessage());
            }
        }
        files.sort(Comparator.comparing(InputFile::name));
        skipped.sort(Comparator.naturalOrder());
        return new Scan(files, skipped, problems);
    }
}
