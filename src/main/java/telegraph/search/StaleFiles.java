package telegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import telegraph.site.OutputWriter;

/** Removes search files an earlier build wrote and this one no longer produces. */
final class StaleFiles {

    private StaleFiles() {
    }

    /** Deletes the files under {@code dir} (relative to the output) whose paths are not in {@code keep}. */
    static void removeUnder(OutputWriter out, String dir, Set<String> keep) {
        removeUnder(out, dir, path -> !keep.contains(path));
    }

    /** Deletes the files under {@code dir} whose output-relative paths match {@code stale}. */
    static void removeUnder(OutputWriter out, String dir, Predicate<String> stale) {
        Path root = out.resolve(dir);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = out.root().relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                // ".~" files are another writer's temporary files, not ours to judge
                if (!file.getFileName().toString().startsWith(".~") && stale.test(relative)) {
                    out.delete(relative);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
