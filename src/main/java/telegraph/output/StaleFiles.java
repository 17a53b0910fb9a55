package telegraph.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Set;
import telegraph.output.OutputWriter;

/** Removes files an earlier build wrote under a folder of its own and this one no longer produces. */
public final class StaleFiles {

    private StaleFiles() {
    }

    /**
     * Deletes the files under {@code dir} (relative to the output, no trailing slash) whose paths
     * are not in {@code keep}. A kept name is not even looked at: a month folder holds about a
     * thousand files, nearly all of them just written, and asking the file system about each
     * cost more than writing some of them.
     */
    public static void removeUnder(OutputWriter out, String dir, Set<String> keep) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out.resolve(dir))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String relative = dir + "/" + name;
                // ".~" files are another writer's temporary files, not ours to judge
                if (keep.contains(relative) || name.startsWith(".~")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    removeUnder(out, relative, keep);
                } else if (Files.isRegularFile(entry)) {
                    out.delete(relative);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // nothing was written there yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
