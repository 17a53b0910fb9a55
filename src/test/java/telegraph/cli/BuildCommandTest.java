package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, bad files beside good ones. */
class BuildCommandTest {

    private static final String HEAD = "# 财联社【普通】电报 - %s\n> 统计周期：%s 05:30 至次日 05:30\n\n---\n\n";

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static String day(String date, String items) {
        return String.format(HEAD, date, date) + items;
    }

    @Test
    void missingContentFolderIsOneLineAndExit2() {
        CommandRun r = run("build", "--content", dir.resolve("nope").toString(), "--out", dir.resolve("site").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("error: content folder not found: " + dir.resolve("nope"), r.err().strip());
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void contentThatIsAFileIsExit2() throws IOException {
        Path file = Files.writeString(dir.resolve("file.md"), "x");
        CommandRun r = run("build", "--content", file.toString(), "--out", dir.resolve("site").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void unknownOptionIsUsageError() {
        CommandRun r = run("build", "--frobnicate");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void helpOnEveryCommand() {
        assertEquals(0, run("--help").code());
        CommandRun build = run("build", "--help");
        assertEquals(0, build.code());
        assertTrue(build.out().contains("--content"));
        assertTrue(build.out().contains("--out"));
    }

    @Test
    void badFilesAreReportedAndGoodFilesStillBuild() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2026-01-06_General.md"),
                day("2026-01-06", "**[05:45]** 【好标题】财联社1月6日电，好的一条。\n\n没有时间的一行\n"));
        // each named like a day file, so damaged day files rather than other files to skip
        Files.write(content.resolve("CLS_2026-01-08_Major.md"), new byte[0]);
        Files.writeString(content.resolve("CLS_2026-02-30_General.md"), "只是一些文字\n");
        byte[] garbage = new byte[2048];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(content.resolve("2026-01-09.md"), garbage);
        Files.write(content.resolve("CLS_2026-01-07_General.md"),
                day("2026-01-07", "**[06:00]** 【国标】财联社1月7日电，用GBK写的。\n").getBytes(Charset.forName("GBK")));
        Path site = dir.resolve("site");

        CommandRun r = run("build", "--content", content.toString(), "--out", site.toString());

        assertEquals(ExitCodes.INPUT_PROBLEMS, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains("CLS_2026-01-06_General.md:8: not an item"), r.err());
        assertTrue(r.err().contains("CLS_2026-01-08_Major.md:1: empty file"), r.err());
        assertTrue(r.err().contains("CLS_2026-02-30_General.md:1: not a day file"), r.err());
        assertTrue(r.err().contains("2026-01-09.md:"), r.err());
        assertFalse(r.out().contains("skipped"), r.out());
        assertTrue(r.err().contains("CLS_2026-01-07_General.md:1: not valid UTF-8; read as GB18030"), r.err());
        assertTrue(r.out().startsWith("built "), r.out());

        Document good = Jsoup.parse(site.resolve("2026/01/2026-01-06.html").toFile(), "UTF-8");
        assertEquals("好标题", good.selectFirst("article.item > h2").text());
        assertTrue(good.select(".problems .kept").text().contains("没有时间的一行"), "unreadable line kept as text");
        Document gbk = Jsoup.parse(site.resolve("2026/01/2026-01-07.html").toFile(), "UTF-8");
        assertEquals("国标", gbk.selectFirst("article.item > h2").text());
        Document problems = Jsoup.parse(site.resolve("problems.html").toFile(), "UTF-8");
        assertTrue(problems.text().contains("只是一些文字"));
    }

    @Test
    void feedsCarryTheWholeTextAndWithoutABaseUrlTheBuildWarnsOnce() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        String text = "财联社1月6日电，英伟达发布新一代芯片，性能提升一倍，售价不变，下月起供货。";
        Files.writeString(content.resolve("d.md"), day("2026-01-06", "**[05:45]** 【英伟达发布新芯片】" + text + "\n"));

        CommandRun relative = run("build", "--content", content.toString(), "--out", dir.resolve("a").toString());
        assertEquals(ExitCodes.OK, relative.code(), relative.err());
        assertEquals(List.of(BuildOptions.RELATIVE_FEEDS),
                relative.err().lines().filter(l -> !l.startsWith("  … ")).toList(), "progress lines aside");
        SyndEntry entry = atom(dir.resolve("a/feed.xml")).getEntries().get(0);
        assertEquals("英伟达发布新芯片", entry.getTitle());
        assertEquals(text, entry.getContents().get(0).getValue(), "the whole text under the title");
        assertTrue(entry.getLink().startsWith("2026/01/2026-01-06.html#"), entry.getLink());

        CommandRun absolute = run("build", "--content", content.toString(), "--out", dir.resolve("b").toString(),
                "--base-url", "https://example.org/cls");
        assertFalse(absolute.err().contains("warning"), absolute.err());
        SyndFeed feed = atom(dir.resolve("b/feed.xml"));
        assertEquals(Set.of("https://example.org/cls/feed.xml", "https://example.org/cls/index.html"),
                feed.getLinks().stream().map(l -> l.getHref()).collect(Collectors.toSet()), "self and alternate");
        assertTrue(feed.getEntries().get(0).getLink().startsWith("https://example.org/cls/2026/01/2026-01-06.html#"),
                feed.getEntries().get(0).getLink());
    }

    private static SyndFeed atom(Path file) throws Exception {
        return new SyndFeedInput().build(new XmlReader(file.toFile()));
    }

    @Test
    void timingsListEveryStageOnceWithUserAndSystemTime() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("d.md"), day("2026-01-06", "**[05:45]** 【标题】财联社1月6日电，一条。\n"));
        CommandRun r = run("build", "--content", content.toString(), "--out", dir.resolve("site").toString(), "--timings");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> stages = r.out().lines().filter(l -> l.startsWith("  cpu "))
                .peek(l -> assertTrue(l.matches("  cpu [a-z ]+: \\d+\\.\\d\\d s \\(user \\d+\\.\\d\\d s, system \\d+\\.\\d\\d s\\)"), l))
                .map(l -> l.substring(6, l.indexOf(':'))).sorted().toList();
        assertEquals(List.of("archive pages", "data export", "day pages", "read and assemble", "search", "topics"), stages);
        assertFalse(run("build", "--content", content.toString(), "--out", dir.resolve("site2").toString())
                .out().contains("  cpu "));
    }

    @Test
    void scriptInAnItemIsRenderedAsText() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("d.md"), day("2026-01-06",
                "**[05:45]** 【<script>alert(1)</script>】财联社1月6日电，<img src=x onerror=alert(2)> &lt;b&gt;粗&lt;/b&gt; *ST沐邦(603398.SH)\n"));
        Path site = dir.resolve("site");
        assertEquals(ExitCodes.OK, run("build", "--content", content.toString(), "--out", site.toString()).code());
        Document page = Jsoup.parse(site.resolve("2026/01/2026-01-06.html").toFile(), "UTF-8");
        assertTrue(page.select("article script, article img, article b, article em").isEmpty());
        assertEquals("<script>alert(1)</script>", page.selectFirst("article.item > h2").text());
        assertTrue(page.selectFirst("article.item > p").text().contains("<img src=x onerror=alert(2)> <b>粗</b> *ST沐邦(603398.SH)"));
    }

    @Test
    void summaryLineCountsFilesItemsAndPages() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("a.md"), day("2026-01-06", "**[05:45]** 一。\n\n**[00:10]** 二。\n"));
        Files.writeString(content.resolve("b.md"), day("2026-01-08", "**[09:00]** 三。\n"));
        CommandRun r = run("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)built .*: 2 files, 2 days \\(2 rebuilt\\), 3 items, 0 warnings, \\d+ files written .*"), r.out());
        assertTrue(Files.exists(dir.resolve("site/data/2026-01/0.js")));
        assertTrue(Files.exists(dir.resolve("site/2026/01/index.html")));
        // the second line: bytes and files written per part, which add up to the first line's count
        String written = r.out().lines().filter(l -> l.startsWith("  written: ")).findFirst().orElseThrow();
        Matcher part = Pattern.compile("([a-z ]+) (\\d+(?:\\.\\d)? (?:MB|kB|B)) / (\\d+) files?").matcher(written.substring(11));
        Map<String, Long> files = new LinkedHashMap<>();
        while (part.find()) {
            files.put(part.group(1).strip(), Long.parseLong(part.group(3)));
        }
        assertEquals(List.of("day pages", "topics", "search", "data", "assets", "other", "build state"),
                List.copyOf(files.keySet()), written);
        assertEquals(3L, files.get("day pages"), "two day pages and a month page");
        assertEquals(2L, files.get("data"), "the month's export and its index");
        Matcher total = Pattern.compile("(\\d+) files written").matcher(r.out());
        assertTrue(total.find());
        assertEquals(Long.parseLong(total.group(1)), files.values().stream().mapToLong(Long::longValue).sum(),
                "every file written is counted in one part");
        CommandRun again = run("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertTrue(again.out().contains(" 0 files written") && !again.out().contains("  written: "), again.out());
    }
}
