package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.ChildJvm;
import telegraph.output.OutputLock;

/**
 * One build per output folder: a second build, watch or serve is refused in one line naming
 * the holder, or waits with --wait; a lock left by a killed process blocks nothing.
 */
class OneBuildPerFolderTest {

    @TempDir
    Path dir;

    private Path content() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2026-01-06_General.md"), "# 财联社【普通】电报 - 2026-01-06\n"
                + "> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n**[05:45]** 财联社1月6日电，第一条。\n");
        return content;
    }

    @Test
    void aSecondLockInTheSameProcessIsRefusedUntilTheFirstIsReleased() throws Exception {
        Path site = dir.resolve("site");
        try (OutputLock first = OutputLock.take(site)) {
            OutputLock.HeldException held = assertThrows(OutputLock.HeldException.class, () -> OutputLock.take(site));
            assertTrue(held.holder().contains("pid " + ProcessHandle.current().pid() + ", since "), held.holder());
        }
        OutputLock.take(site).close();
    }

    @Test
    void aBuildWhileWatchRunsIsRefusedOrWaitsAndALockLeftByAKilledProcessBlocksNothing() throws Exception {
        Path content = content();
        Path site = dir.resolve("site");
        String[] build = {"build", "--content", content.toString(), "--out", site.toString(), "--templates",
                dir.resolve("none").toString(), "-q"};
        Process watch = ChildJvm.start(dir.resolve("watch.log"), "watch", "--content", content.toString(), "--out",
                site.toString(), "--templates", dir.resolve("none").toString(), "-q");
        String holder = "pid " + watch.pid() + ", since ";
        Thread waiting = null;
        AtomicInteger waited = new AtomicInteger(-99);
        StringWriter waitedOut = new StringWriter();
        try {
            Path lock = site.resolve(OutputLock.PATH);
            long until = System.currentTimeMillis() + 30_000;
            while (!(Files.exists(lock) && Files.readString(lock).contains(holder))) {
                assertTrue(watch.isAlive() && System.currentTimeMillis() < until, "watch took the lock");
                Thread.sleep(50);
            }

            CommandRun refused = CommandRun.of(build);
            assertEquals(ExitCodes.LOCKED, refused.code(), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("error: the output folder " + site + " is in use by another build ("
                    + holder), refused.err());
            assertFalse(refused.err().contains("Exception"), refused.err());

            String[] buildAndWait = java.util.stream.Stream.concat(java.util.Arrays.stream(build),
                    java.util.stream.Stream.of("--wait")).toArray(String[]::new);
            waiting = new Thread(() -> waited.set(Main.run(new PrintWriter(waitedOut, true), new PrintWriter(waitedOut, true),
                    buildAndWait)));
            waiting.start();
            Thread.sleep(1_500);
            assertTrue(waiting.isAlive(), "--wait waits while watch holds the folder");
        } finally {
            watch.destroyForcibly().waitFor();
        }
        waiting.join(60_000);
        assertFalse(waiting.isAlive(), "the waiting build went on once watch was killed");
        assertEquals(ExitCodes.OK, waited.get());
        assertTrue(waitedOut.toString().startsWith("waiting: the output folder " + site + " is in use by another build"),
                waitedOut.toString());

        // the killed watch's line is still in the lock file, but the lock went with its process
        assertTrue(Files.readString(site.resolve(OutputLock.PATH)).contains("pid "));
        CommandRun after = CommandRun.of(build);
        assertEquals(ExitCodes.OK, after.code(), after.err());
    }
}
