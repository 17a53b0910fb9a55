package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} rebuilds the changed day when its file grows, as the feed's files do, and says in
 * one line what it rebuilt.
 */
class WatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aGrowingDayFileIsRebuiltWhileWatching() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path file = content.resolve("CLS_2026-01-06_General.md");
        Files.writeString(file, "# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n"
                + "**[05:45]** 财联社1月6日电，第一条。\n");
        Path site = dir.resolve("site");
        Path page = site.resolve("2026/01/2026-01-06.html");
        AtomicInteger code = new AtomicInteger(-99);
        StringWriter log = new StringWriter();
        Thread watch = new Thread(() -> code.set(Main.run(new PrintWriter(log, true), new PrintWriter(log, true),
                "watch", "--content", content.toString(), "--out", site.toString(),
                "--templates", dir.resolve("none").toString(), "--quiet-ms", "100")));
        watch.start();
        try {
            waitFor(() -> log.toString().contains("watching "), "first build");
            assertTrue(Files.readString(page).contains("第一条"));
            Thread.sleep(300);
            Files.writeString(file, "\n**[06:10]** 【新增的一条】财联社1月6日电，第二条。\n", StandardOpenOption.APPEND);
            // the line comes once the rebuild is done
            waitFor(() -> log.toString().contains("\nrebuilt "), "rebuild after the file grew: " + log);
            assertTrue(Files.readString(page).contains("新增的一条"));
            assertTrue(log.toString().matches("(?s).*\nrebuilt 2026-01-06 \\(1 day file, \\+1 item\\) in \\d+ ms: "
                    + "\\d+ files written .*"), log.toString());
        } finally {
            watch.interrupt();
            watch.join(10_000);
        }
        assertEquals(ExitCodes.OK, code.get(), "watch ends cleanly when interrupted");
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, String what) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (!check.ok()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
