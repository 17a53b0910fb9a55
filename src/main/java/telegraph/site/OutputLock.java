package telegraph.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One build at a time per output folder. {@code build}, {@code watch} and {@code serve} hold an
 * operating-system lock on {@code .telegraph/lock} for as long as they may write the folder. The
 * system releases it when the process ends, however it ends, so a killed build never blocks the
 * next one; what the file says (pid and start time) only tells a second build who is in the way.
 * The file itself is never removed: removing a lock file while another process opens it would let
 * two processes each lock a different file.
 */
public final class OutputLock implements AutoCloseable {

    public static final String PATH = ".telegraph/lock";

    /** Another process, or this one, holds the lock; {@link #holder} says who as far as it is known. */
    public static final class HeldException extends Exception {
        private final String holder;

        HeldException(Path folder, String holder) {
            super("the output folder " + folder + " is in use by " + holder);
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of an output folder, creating the folder if needed.
     *
     * @throws HeldException when another build, watch or serve holds it
     * @throws UncheckedIOException (naming the lock file) when the folder cannot be written
     */
    public static OutputLock take(Path folder) throws HeldException {
        Path file = folder.resolve(PATH);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Optional<FileLock> lock = tryLock(channel);
            if (lock.isEmpty()) {
                channel.close();
                throw new HeldException(folder, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new OutputLock(channel, lock.get());
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
        }
    }

    /** The lock, or none if another process holds it or another part of this process does. */
    private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
        try {
            return Optional.ofNullable(channel.tryLock());
        } catch (OverlappingFileLockException e) {
            return Optional.empty();
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            // empty while the holder is still writing its line, an instant after it took the lock
            return text.isEmpty() ? "another build" : "another build (" + text + ")";
        } catch (IOException e) {
            return "another build";
        }
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
