package telegraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where tests find the real archives: read from ../shared, never copied into the repo. */
public final class TestCorpus {

    private TestCorpus() {
    }

    public static Path shared() {
        Path path = Path.of(System.getProperty("telegraph.shared", "../shared"));
        if (!Files.isDirectory(path.resolve("corpus-real"))) {
            throw new IllegalStateException("real corpus not found under " + path.toAbsolutePath()
                    + " (the tests of the real-archives profile need it; set -Dtelegraph.shared=DIR)");
        }
        return path;
    }

    public static Path newspaper() {
        return shared().resolve("corpus-real/cls-newspaper");
    }

    public static Path newspaperFile(String name) {
        return newspaper().resolve(name);
    }

    /** Copies the real day files whose names start with {@code prefix} into {@code folder}. */
    public static void copyNewspaper(String prefix, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> real = Files.list(newspaper())) {
            for (Path f : real.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
    }
}
