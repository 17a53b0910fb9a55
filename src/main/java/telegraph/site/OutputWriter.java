package telegraph.site;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files of the output folder so that a build killed at any moment leaves either the old
 * or the new version of each file, never half of one: every file is written under a temporary
 * name beside its final place and moved over it.
 */
public final class OutputWriter {

    /** Writes content to a stream; may throw I/O errors. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text to a writer; may throw I/O errors. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private final Path root;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public OutputWriter(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public void write(String relative, Content content) {
        Path target = root.resolve(relative);
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + Thread.currentThread().getId());
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            bytes.addAndGet(Files.size(temp));
            moveIntoPlace(temp, target);
            files.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public void writeText(String relative, TextContent content) {
        write(relative, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
        });
    }

    public void writeBytes(String relative, byte[] data) {
        write(relative, out -> out.write(data));
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public long filesWritten() {
        return files.get();
    }

    public long bytesWritten() {
        return bytes.get();
    }
}
