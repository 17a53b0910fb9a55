package telegraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.ChildJvm;
import telegraph.cli.CommandRun;

/**
 * Whole builds of damaged files of every layout, and of huge ones in a JVM of {@code -Xmx1g}: the
 * build exits 0 or 1 without a stack trace, and the text of every stamped line is shown on a day
 * page or on the problems page (read as a browser shows it, markup aside). A failure names its seed.
 */
@Tag("integration")
class FuzzedBuildsTest {

    @TempDir
    Path dir;

    @Test
    void damagedFilesOfEveryLayoutBuildAndShowEveryStampedLine() throws IOException {
        List<FuzzCases.Base> bases = FuzzCases.bases();
        for (long seed : FuzzCases.seeds(9_000, 5)) {
            Mutator mutator = new Mutator(seed);
            Path content = Files.createDirectories(dir.resolve("content-" + seed));
            Map<String, byte[]> files = new LinkedHashMap<>();
            List<String> done = new ArrayList<>();
            for (FuzzCases.Base base : bases) {
                byte[] bytes = mutator.mutate(base.text(), mutator.random().nextInt(30));
                files.put(base.name(), bytes);
                done.add(base.name() + ": " + mutator.done());
                Files.write(content.resolve(base.name()), bytes);
            }
            String what = "seed " + seed + " " + done;
            Path site = dir.resolve("site-" + seed);
            CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", site.toString(), "-q");
            assertTrue(run.code() <= 1, what + ": exit " + run.code() + ": " + run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), what + ": " + run.err());
            assertAllShown(files, site, what);
        }
    }

    @Test
    void aMegabyteLineAndAFileOfAHundredThousandItemsBuildWithinAGigabyte() throws Exception {
        Path content = Files.createDirectories(dir.resolve("big"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder("# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n");
        line.append("**[06:00]** 【一兆长行】").append("财联社电，很长的正文。".repeat(100_000)).append("\n\n");
        line.append("**[26:00]** 【时间不对的一兆长行】").append("坏".repeat(1_000_000)).append("\n\n");
        line.append("**[07:00]** 【之后的一条】财联社电，短。\n");
        files.put("CLS_2026-01-06_General.md", line.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder many = new StringBuilder("# 财联社【普通】电报 - 2026-01-07\n> 统计周期：2026-01-07 05:30 至次日 05:30\n\n---\n\n");
        java.util.Random words = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            many.append(String.format("**[%02d:%02d]** 【第%d条】财联社电，%s。%n%n", (5 + i / 60 % 24) % 24, i % 60, i,
                    han(words, 12)));
        }
        files.put("CLS_2026-01-07_General.md", many.toString().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(content.resolve(f.getKey()), f.getValue());
        }
        Path site = dir.resolve("big-site");
        Path log = dir.resolve("big.log");
        Process build = ChildJvm.start(log, "build", "--content", content.toString(), "--out", site.toString(), "-q");
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "finished");
        String output = Files.readString(log);
        assertTrue(build.exitValue() <= 1, "exit " + build.exitValue() + " within -Xmx1g: " + output);
        assertFalse(output.contains("OutOfMemoryError") || output.contains("\tat "), output);
        assertAllShown(files, site, "big files");
    }

    /** Random common Chinese characters: items that are not near-duplicates of each other, in few words. */
    private static String han(java.util.Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (0x4E00 + random.nextInt(300)));
        }
        return b.toString();
    }

    /** Every stamped line of every file (but JSON lines: their text is a field) is on a day page or the problems page. */
    private static void assertAllShown(Map<String, byte[]> files, Path site, String what) throws IOException {
        String shown = shownText(site);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().endsWith(".jsonl")) {
                continue;
            }
            List<Stamps.Stamp> missing = Stamps.of(file.getValue()).missingFrom(shown);
            assertEquals(List.of(), missing.stream().limit(5).toList(),
                    what + ": " + file.getKey() + ": " + missing.size() + " stamped lines not shown");
        }
    }

    /**
     * The letters and digits of the pages that show items or problems: every page but the topic
     * pages and search, which only repeat what day pages show.
     */
    private static String shownText(Path site) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String relative = site.relativize(page).toString().replace('\\', '/');
                if (relative.startsWith(".telegraph/") || relative.startsWith("topics/") || relative.startsWith("search")) {
                    continue;
                }
                text.append(Stamps.letters(Jsoup.parse(page.toFile(), "UTF-8").text())).append('\n');
            }
        }
        return text.toString();
    }
}
