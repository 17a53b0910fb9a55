package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.search.IndexReader;

/**
 * The feed's open day grows while {@code watch} runs: items appended to a real day file appear on
 * the day page, in search and on their topic pages; each rebuild's log line says what was rebuilt
 * and how long it took; and after the rebuilds the site is byte for byte a full build's.
 */
@Tag("integration")
class WatchRealFilesTest {

    /** Only the item appended first holds it: no copied real file has either of its bigrams' characters. */
    private static final String TERM = "鲸歌";
    /** The open day's file: its last item is at 05:26, and its window ends at 05:29. */
    private static final String OPEN_DAY = "CLS_2026-01-20_General.md";

    @TempDir
    Path dir;

    @Test
    void itemsAppendedToARealDayFileWhileWatchingAppearEverywhere() throws Exception {
        Path content = dir.resolve("content");
        for (String day : List.of("2026-01-18", "2026-01-19", "2026-01-20")) {
            TestCorpus.copyNewspaper("CLS_" + day + "_", content);
        }
        Path site = dir.resolve("site");
        StringWriter log = new StringWriter();
        AtomicInteger code = new AtomicInteger(-99);
        Thread watch = new Thread(() -> code.set(Main.run(new PrintWriter(log, true), new PrintWriter(log, true),
                "watch", "--content", content.toString(), "--out", site.toString(),
                "--templates", dir.resolve("none").toString(), "--quiet-ms", "300")));
        watch.start();
        try {
            WatchCommandTest.waitFor(() -> log.toString().contains("watching "), "the first build");
            assertEquals(Set.of(), new IndexReader(site.resolve("search")).holders(TERM).ids(), "no item holds it yet");

            Files.writeString(content.resolve(OPEN_DAY), twentyItems(), StandardOpenOption.APPEND);
            String grown = rebuiltLine(log, 1);
            assertTrue(grown.matches("rebuilt 2026-01-20 \\(1 day file, \\+20 items\\) in \\d+ ms: \\d+ files written \\(.+\\)"),
                    grown);

            Set<String> holders = new IndexReader(site.resolve("search")).holders(TERM).ids();
            assertEquals(1, holders.size(), "search finds the one appended item holding " + TERM + ": " + holders);
            String id = holders.iterator().next();
            assertTrue(id.startsWith("20260121-0527-"), "the appended item, at 05:27 of the next morning: " + id);
            String dayPage = Files.readString(site.resolve("2026/01/2026-01-20.html"));
            assertTrue(dayPage.contains("id=\"" + id + "\""), "the day page holds the appended item");
            assertTrue(dayPage.contains("追加快讯第20条"), "the day page holds the last appended item");
            assertTrue(Files.readString(site.resolve("topics/stock/600187-sh.html")).contains(id),
                    "the security it names lists it");
            assertTrue(Files.readString(site.resolve("topics/theme/nvidia.html")).contains(id),
                    "the theme it names lists it");

            Files.writeString(content.resolve("CLS_2026-01-20_Major.md"), "\n**[05:29]** 【鲸落观测站启用】财联社1月21日电，"
                    + "重磅追加的第一条。\n\n**[05:29]** 财联社1月21日电，重磅追加的第二条，另一件事。\n", StandardOpenOption.APPEND);
            String major = rebuiltLine(log, 2);
            assertTrue(major.matches("rebuilt 2026-01-20 \\(1 day file, \\+2 items\\) in \\d+ ms: .*"), major);

            Files.copy(TestCorpus.newspaperFile("CLS_2026-02-16_General.md"), content.resolve("CLS_2026-02-16_General.md"));
            String newDay = rebuiltLine(log, 3);
            assertTrue(newDay.matches("rebuilt 2026-01-20, 2026-02-16 \\(1 day file, \\+\\d+ items\\) in \\d+ ms: .*"),
                    "the new day, and the day before it, whose next link changed: " + newDay);
            assertTrue(Files.exists(site.resolve("2026/02/2026-02-16.html")));
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertEquals(ExitCodes.OK, code.get(), "watch ends cleanly when interrupted: " + log);

        Path full = dir.resolve("full");
        StringWriter fullLog = new StringWriter();
        Main.run(new PrintWriter(fullLog, true), new PrintWriter(fullLog, true), "build", "--full", "--content",
                content.toString(), "--out", full.toString(), "--templates", dir.resolve("none").toString(), "-q");
        assertTrue(Files.exists(full.resolve("2026/02/2026-02-16.html")), fullLog.toString());
        SiteTrees.assertSame(SiteTrees.published(full), SiteTrees.published(site), "watched rebuilds against --full");
    }

    /**
     * Twenty items as the feed appends them, one write: the first names a security and a theme and
     * holds {@link #TERM}; the others are plain, each different.
     */
    private static String twentyItems() {
        String first = "\n**[05:27]** 【国中水务与英伟达合作鲸歌项目】财联社1月21日电，国中水务（600187.SH）公告，"
                + "公司与英伟达签署" + TERM + "算力合作协议。\n";
        return first + IntStream.rangeClosed(2, 20).mapToObj(i -> String.format(
                "\n**[05:%d]** 财联社1月21日电，追加快讯第%d条，第%d个统计数据公布。\n", 27 + i % 3, i, i * 37))
                .collect(Collectors.joining());
    }

    /** The {@code n}th rebuild's line of the log, once it is there. */
    private static String rebuiltLine(StringWriter log, int n) throws Exception {
        Pattern line = Pattern.compile("(?m)^rebuilt .*$");
        String[] found = new String[1];
        WatchCommandTest.waitFor(() -> {
            Matcher m = line.matcher(log.toString());
            for (int i = 0; i < n; i++) {
                if (!m.find()) {
                    return false;
                }
            }
            found[0] = m.group();
            return true;
        }, "rebuild " + n + ": " + log);
        return found[0];
    }
}
