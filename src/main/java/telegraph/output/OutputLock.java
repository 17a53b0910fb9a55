package telegraph.output;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern HOLDER_PID = Pattern.compile("pid (\\d+)");
    private static final long HOLDER_PATIENCE_NANOS = 2_000_000_000L;

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

    /**
     * Who holds the lock, from its file. The holder writes its line an instant after it takes the
     * lock, so for that instant the file is empty or still names the last holder, a process that
     * has ended: that is read again for a while rather than reported.
     */
    private static String holder(Path file) {
        long until = System.nanoTime() + HOLDER_PATIENCE_NANOS;
        do {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                Matcher pid = HOLDER_PID.matcher(text);
                if (pid.lookingAt() && ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    return "another build (" + text + ")";
                }
                Thread.sleep(20);
            } catch (IOException | NumberFormatException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < until);
        return "another build";
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
