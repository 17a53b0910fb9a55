package telegraph.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a build changed in its output folder, so that a build that fails (a full disk, an
 * unwritable folder, a template error) can put the site back as it was: files it created are
 * removed, files it replaced or deleted get their old bytes back. The old bytes are kept as hard
 * links in {@code .telegraph/undo/}, which take no room on the disk until the build ends, so
 * that putting them back needs no room either, even on a full disk (copies where the file
 * system has no hard links).
 */
final class OutputJournal {

    static final String UNDO = ".telegraph/undo";

    /** One change: {@code kept} holds the old bytes of {@code file}, or is null for a file that was new. */
    private record Change(Path file, Path kept) {
    }

    private final Path undo;
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();
    private final Deque<Change> changes = new ConcurrentLinkedDeque<>();
    /** Whether the undo folder is known to exist (making it twice from two threads is harmless). */
    private volatile boolean undoMade;

    OutputJournal(Path root, String prefix) {
        this.undo = root.resolve(UNDO);
        this.prefix = prefix;
    }

    void created(Path file) {
        changes.add(new Change(file, null));
    }

    /**
     * Keeps the bytes {@code file} has now; call before replacing it. On a file system without hard
     * links they are copied; when even that fails (no room) the file must not be replaced: the
     * failure fails the build, which puts back what it changed so far.
     */
    void replacing(Path file) throws IOException {
        Path kept = keepPath();
        try {
            Files.createLink(kept, file);
        } catch (UnsupportedOperationException | IOException noLink) {
            try {
                Files.copy(file, kept);
            } catch (IOException e) {
                Files.deleteIfExists(kept);
                throw e;
            }
        }
        changes.add(new Change(file, kept));
    }

    /** Moves {@code file} out of the site, keeping its bytes until the build ends. */
    void delete(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path kept = keepPath();
        move(file, kept);
        changes.add(new Change(file, kept));
    }

    /**
     * The build is complete: the old bytes are no longer needed. Never fails: the site is whole
     * and new by now, and an old copy that cannot be removed is swept with the temporary files.
     */
    void commit() {
        for (Change change; (change = changes.poll()) != null; ) {
            if (change.kept() != null) {
                try {
                    Files.deleteIfExists(change.kept());
                } catch (IOException e) {
                    // left for the sweep: it is named like a temporary file
                }
            }
        }
    }

    /**
     * Undoes every change, newest first (a file written twice gets its first version back, then
     * is removed if it was new). Goes on past a change it cannot undo: the build's marker stays,
     * so the next build is a full one and repairs what is left.
     */
    void rollback() {
        for (Iterator<Change> it = changes.descendingIterator(); it.hasNext(); ) {
            Change change = it.next();
            try {
                if (change.kept() == null) {
                    Files.deleteIfExists(change.file());
                } else {
                    Files.createDirectories(change.file().getParent());
                    move(change.kept(), change.file());
                }
            } catch (IOException e) {
                // the next build repairs it
            }
        }
        changes.clear();
    }

    private Path keepPath() throws IOException {
        if (!undoMade) {
            Files.createDirectories(undo);
            undoMade = true;
        }
        return undo.resolve(prefix + counter.incrementAndGet());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
