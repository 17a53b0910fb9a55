import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The floor of a build: the work no site generator can skip, with nothing understood or
 * formatted. It reads every day file of a corpus as text, splits it into item paragraphs, and
 * writes a folder of the same files, at the same paths and of the same sizes, as a built site,
 * on every core (as the build does). A build's time over the floor's is what its pages, topics,
 * search and export cost on top of reading and writing.
 *
 * <p>Plain JDK, no jar: {@code javac -d DIR bench/Floor.java && java -cp DIR Floor CORPUS SITE OUT}
 * (compiled first, so that the measured run does not pay the compiler). OUT must not exist.
 */
public class Floor {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java -cp DIR Floor CORPUS SITE OUT");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path site = Path.of(args[1]);
        Path out = Path.of(args[2]);
        if (Files.exists(out)) {
            System.err.println(out + " exists");
            System.exit(2);
        }
        List<Path> inputs = files(corpus).stream().filter(p -> p.toString().endsWith(".md")).toList();
        long items = inputs.parallelStream().mapToLong(Floor::items).sum();
        List<Path> outputs = files(site);
        long[] sizes = outputs.stream().mapToLong(Floor::size).toArray();
        byte[] filler = filler(inputs, sizes);
        Map<Path, Path> folders = new ConcurrentHashMap<>();
        long written = java.util.stream.IntStream.range(0, outputs.size()).parallel().mapToLong(i -> {
            Path target = out.resolve(site.relativize(outputs.get(i)).toString());
            write(target, filler, (int) sizes[i], folders);
            return sizes[i];
        }).sum();
        System.out.printf("floor: %d day files read, %d items; %d files written (%.1f MB)%n",
                inputs.size(), items, outputs.size(), written / 1e6);
    }

    /** Regular files under a folder, hidden ones of the corpus included as the site's state is. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The file's paragraphs that start with an item's time stamp, each made a string as a parser would. */
    private static long items(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            long items = 0;
            for (String paragraph : text.split("\n\n")) {
                if (paragraph.startsWith("**[")) {
                    items++;
                }
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As many bytes as the largest file, taken from the corpus: text, not zeros a file system might skip. */
    private static byte[] filler(List<Path> inputs, long[] sizes) throws IOException {
        int largest = (int) java.util.Arrays.stream(sizes).max().orElse(0);
        byte[] filler = new byte[largest];
        byte[] text = inputs.isEmpty() ? new byte[0] : Files.readAllBytes(inputs.get(0));
        if (text.length == 0) {
            text = new byte[] {'x'};
        }
        for (int i = 0; i < largest; i += text.length) {
            System.arraycopy(text, 0, filler, i, Math.min(text.length, largest - i));
        }
        return filler;
    }

    /** Writes a file; a folder is made once, and a thread writing into it waits until it is. */
    private static void write(Path target, byte[] filler, int size, Map<Path, Path> folders) {
        folders.computeIfAbsent(target.getParent(), folder -> {
            try {
                return Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (OutputStream stream = Files.newOutputStream(target)) {
            stream.write(filler, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
