package telegraph.output;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Writes files of the output folder so that a build killed at any moment leaves either the old
 * or the new version of each existing file, never half of one: a file is replaced by writing a
 * temporary file beside it and moving that over it. Files whose content is unchanged are not
 * touched at all. A file that does not exist yet is written in place, which costs half as much
 * (a full build writes tens of thousands of them): a killed build may leave such a file
 * incomplete, but the next build after a killed one is a full build, which rewrites every file
 * whose bytes differ from what it makes. A write that fails (a full disk) removes what it began,
 * the new file or the temporary one; and the build that fails {@linkplain #rollback() rolls back}
 * every file it wrote or deleted ({@link OutputJournal}), so that the site stays as it was, whole,
 * and the room the build took is free again.
 *
 * <p>Temporary names carry the process id and a counter: two processes, or two threads, never
 * write the same temporary file, even if two builds are pointed at one folder by mistake.
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
    private final OutputJournal journal;
    private final AtomicLongArray files = new AtomicLongArray(OutputPart.values().length);
    private final AtomicLongArray bytes = new AtomicLongArray(OutputPart.values().length);
    /** Folders known to exist, so that each file does not ask again. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private static final String TEMP_PREFIX = ".~";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    /** The room on the output's disk, asked before each file is written: tests run out of it on purpose. */
    @FunctionalInterface
    public interface Room {
        Room UNLIMITED = (file, bytes) -> { };

        /** Throws what the file system would when {@code bytes} more do not fit. */
        void take(Path file, long bytes) throws IOException;
    }

    private final Room room;

    public OutputWriter(Path root) {
        this(root, Room.UNLIMITED);
    }

    public OutputWriter(Path root, Room room) {
        this.root = root;
        this.room = room;
        this.journal = new OutputJournal(root, TEMP_PREFIX + PID + "-");
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * Writes a file unless it already holds exactly these bytes, so that an unchanged page keeps
     * its date and a web server's caches stay valid.
     */
    public void write(String relative, Content content) {
        Buffer buffer = new Buffer();
        try {
            content.writeTo(buffer);
        } catch (IOException e) {
            throw failure("write", root.resolve(relative), e);
        }
        writeBytes(relative, buffer.bytes(), buffer.size());
    }

    /** {@link #write(String, Content)} of the first {@code length} bytes of an array. */
    public void writeBytes(String relative, byte[] data, int length) {
        Path target = root.resolve(relative);
        try {
            if (folders.add(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            // most files of a full build are new: trying to create one is the cheapest way to
            // learn that it is (one system call instead of asking first)
            if (writeNewFile(target, data, length)) {
                journal.created(target);
            } else {
                if (sameContent(target, data, length)) {
                    return;
                }
                Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + ".tmp-" + PID + "-"
                        + TEMP_COUNTER.incrementAndGet());
                // an old file under this name can only be a killed build's leftover (ids are not reused while
                // a process lives): overwriting it is safe
                writeWhole(temp, data, length, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                journal.replacing(target);
                moveIntoPlace(temp, target);
            }
            int part = OutputPart.of(relative).ordinal();
            files.incrementAndGet(part);
            this.bytes.addAndGet(part, length);
        } catch (IOException e) {
            throw failure("write", target, e);
        }
    }

    private static UncheckedIOException failure(String verb, Path file, IOException e) {
        return new UncheckedIOException("cannot " + verb + " " + file + ": " + IoMessages.reason(e), e);
    }

    /** Writes a file that does not exist yet; false, writing nothing, if it exists. */
    private boolean writeNewFile(Path target, byte[] data, int length) throws IOException {
        try {
            writeWhole(target, data, length, StandardOpenOption.CREATE_NEW);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (NoSuchFileException e) {
            // the folder was removed since it was made (an output clears a folder it no longer needs)
            Files.createDirectories(target.getParent());
            return writeNewFile(target, data, length);
        }
    }

    /**
     * Writes a file that is this writer's alone (a new file, or its own temporary one), or none:
     * a failed write removes the part it wrote, since no one else can be using that file.
     */
    private void writeWhole(Path file, byte[] data, int length, OpenOption... options) throws IOException {
        OutputStream stream = Files.newOutputStream(file, options);
        try (stream) {
            room.take(file, length);
            stream.write(data, 0, length);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        }
    }

    /** A byte buffer whose array is handed over without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 14);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /** Removes an output file that no input produces any more (for good once the build is committed). */
    public void delete(String relative) {
        try {
            journal.delete(root.resolve(relative));
        } catch (IOException e) {
            throw failure("delete", root.resolve(relative), e);
        }
    }

    /** The build is complete: forgets the old bytes of the files it replaced or deleted. */
    public void commit() {
        journal.commit();
    }

    /**
     * The build failed: removes the files it created and puts back the old bytes of those it
     * replaced or deleted, so that the site is again as it was before the build.
     */
    public void rollback() {
        journal.rollback();
    }

    /** Removes temporary files a killed build left behind. */
    public void sweepTemporaryFiles() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean sameContent(Path target, byte[] bytes, int length) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == length
                && Arrays.equals(Files.readAllBytes(target), 0, length, bytes, 0, length);
    }

    public void writeText(String relative, TextContent content) {
        write(relative, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
        });
    }

    public void writeBytes(String relative, byte[] data) {
        writeBytes(relative, data, data.length);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    public long filesWritten() {
        return written().values().stream().mapToLong(Written::files).sum();
    }

    public long bytesWritten() {
        return written().values().stream().mapToLong(Written::bytes).sum();
    }

    /** Files and bytes written (not those left as they were) in one part of the output. */
    public record Written(long files, long bytes) {
    }

    /** What was written so far, per part, in the order of {@link OutputPart}; parts with nothing left out. */
    public Map<OutputPart, Written> written() {
        Map<OutputPart, Written> written = new EnumMap<>(OutputPart.class);
        for (OutputPart part : OutputPart.values()) {
            if (files.get(part.ordinal()) > 0) {
                written.put(part, new Written(files.get(part.ordinal()), bytes.get(part.ordinal())));
            }
        }
        return written;
    }

}
