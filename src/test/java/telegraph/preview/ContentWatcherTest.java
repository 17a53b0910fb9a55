package telegraph.preview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWatcherTest {

    @TempDir
    Path dir;

    @Test
    void reportsChangesInFoldersCreatedAfterItStarted() throws Exception {
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        try (ContentWatcher watcher = new ContentWatcher(List.of(dir), 200)) {
            Thread thread = new Thread(() -> {
                try {
                    watcher.run(batches::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
            Files.writeString(dir.resolve("a.md"), "one");
            Files.writeString(dir.resolve("a.md"), "one two");
            Set<Path> first = batches.poll(10, TimeUnit.SECONDS);
            assertTrue(first != null && first.contains(dir.resolve("a.md")), String.valueOf(first));

            Path sub = Files.createDirectories(dir.resolve("2026/01"));
            Thread.sleep(500);
            batches.clear();
            Files.writeString(sub.resolve("b.md"), "new day");
            boolean seen = false;
            long until = System.currentTimeMillis() + 10_000;
            while (!seen && System.currentTimeMillis() < until) {
                Set<Path> batch = batches.poll(1, TimeUnit.SECONDS);
                seen = batch != null && batch.contains(sub.resolve("b.md"));
            }
            assertTrue(seen, "a file in a new subfolder is seen");
            watcher.close();
            thread.join(5000);
        }
    }
}
