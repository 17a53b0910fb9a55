package telegraph;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the real archives: read from ../shared, never copied into the repo. */
public final class TestCorpus {

    private TestCorpus() {
    }

    public static Path shared() {
        Path path = Path.of(System.getProperty("telegraph.shared", "../shared"));
        if (!Files.isDirectory(path.resolve("corpus-real"))) {
            throw new IllegalStateException("real corpus not found under " + path.toAbsolutePath()
                    + " (set -Dtelegraph.shared=DIR)");
        }
        return path;
    }

    public static Path newspaper() {
        return shared().resolve("corpus-real/cls-newspaper");
    }

    public static Path newspaperFile(String name) {
        return newspaper().resolve(name);
    }
}
