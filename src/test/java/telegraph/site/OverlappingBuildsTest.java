package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.ChildJvm;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.cli.CommandRun;
import telegraph.cli.ExitCodes;
import telegraph.cli.Main;

/**
 * What a new user did: two builds into one folder started together, five times, while the open
 * day's file grew. Before the output lock, 2 of 10 such builds failed on a shared temporary file.
 * Now in each round one builds and the other is refused (exit 4) or waits (--wait); the site
 * ends equal to a clean full build.
 */
@Tag("integration")
class OverlappingBuildsTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void twoBuildsStartedTogetherNeverShareTheFolder() throws Exception {
        Path content = dir.resolve("content");
        TestCorpus.copyNewspaper("CLS_2026-01-1", content);
        Path open = content.resolve("CLS_2026-01-19_General.md");
        byte[] whole = Files.readAllBytes(open);
        Files.write(open, Arrays.copyOf(whole, whole.length / 2));
        Path site = dir.resolve("site");
        String[] build = {"build", "--content", content.toString(), "--out", site.toString(), "--templates",
                dir.resolve("none").toString(), "-q", "--threads", "1"};

        for (int round = 0; round < ROUNDS; round++) {
            Path refusedLog = dir.resolve("a" + round + ".log");
            Path waitingLog = dir.resolve("b" + round + ".log");
            Process plain = ChildJvm.start(refusedLog, build);
            Process waits = ChildJvm.start(waitingLog, Stream.concat(Arrays.stream(build), Stream.of("--wait"))
                    .toArray(String[]::new));
            // the open day's file grows while they run, in pieces that end anywhere in a line
            int half = whole.length / 2;
            int from = half + (whole.length - half) * round / ROUNDS;
            int to = half + (whole.length - half) * (round + 1) / ROUNDS;
            for (int at = from; at < to; at += 2048) {
                Files.write(open, Arrays.copyOfRange(whole, at, Math.min(to, at + 2048)), StandardOpenOption.APPEND);
                Thread.sleep(15);
            }
            int a = plain.waitFor();
            int b = waits.waitFor();
            String aLog = Files.readString(refusedLog);
            String bLog = Files.readString(waitingLog);
            String round_ = "round " + round + ": " + aLog + " / " + bLog;
            assertTrue(a == ExitCodes.OK || a == ExitCodes.INPUT_PROBLEMS || a == ExitCodes.LOCKED, round_);
            assertTrue(b == ExitCodes.OK || b == ExitCodes.INPUT_PROBLEMS, round_);
            if (a == ExitCodes.LOCKED) {
                assertEquals(1, aLog.strip().lines().count(), round_);
                assertTrue(aLog.contains("in use by another build (pid " + waits.pid() + ", since "), round_);
            } else {
                assertTrue(bLog.contains("waiting: the output folder " + site + " is in use by another build (pid "
                        + plain.pid() + ", since "), "one builds, the other refuses or waits: " + round_);
            }
        }

        CommandRun last = CommandRun.of(build);
        assertEquals(ExitCodes.OK, last.code(), last.err());
        Path fresh = dir.resolve("fresh");
        assertEquals(ExitCodes.OK, Main.run("build", "--full", "--content", content.toString(), "--out",
                fresh.toString(), "--templates", dir.resolve("none").toString(), "-q"));
        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), "after overlapping builds");
        assertEquals(List.of(), SiteTrees.files(site, n -> n.contains("/.~") || n.startsWith(".~")).keySet().stream()
                .toList(), "no temporary file left");
    }
}
