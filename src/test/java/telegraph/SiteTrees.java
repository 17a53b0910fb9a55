package telegraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Compares two built sites file by file, as the incremental-build tests do. */
public final class SiteTrees {

    private SiteTrees() {
    }

    /** Every file under {@code root} whose relative path passes {@code keep}, with its bytes. */
    public static Map<String, byte[]> files(Path root, Predicate<String> keep) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (keep.test(name)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** The site's files, without the build's own bookkeeping in {@code .telegraph/}. */
    public static Map<String, byte[]> published(Path root) throws IOException {
        return files(root, name -> !name.startsWith(".telegraph"));
    }

    /** Same file names, same bytes in each; every difference is listed in the one failure. */
    public static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String step) {
        List<String> differences = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!actual.containsKey(name)) {
                differences.add("missing " + name);
            } else if (!Arrays.equals(expected.get(name), actual.get(name))) {
                differences.add("differs " + name);
            }
        }
        actual.keySet().stream().filter(n -> !expected.containsKey(n)).forEach(n -> differences.add("extra " + n));
        assertEquals(List.of(), differences, step);
    }

    /** Copies the tree at {@code from} to {@code to}, which must not hold any of its files yet. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes the tree at {@code root}, if there is one. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
