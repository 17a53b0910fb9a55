package telegraph.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import telegraph.TestCorpus;
import telegraph.model.Channel;
import telegraph.model.Problem;

@Tag("integration")
class DayFileReaderTest {

    private static final String HEAD = "# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n";

    private final DayFileReader reader = new DayFileReader();

    private DayFile read(String text) {
        return reader.read("t.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headingAndWindowLine() {
        DayFile f = read("# 财联社【重磅】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n**[10:30]** 财联社1月6日电，沪银涨。\n");
        assertEquals("财联社", f.publisher());
        assertEquals(Channel.MAJOR, f.channel());
        assertEquals(LocalDate.of(2026, 1, 6), f.date());
        assertEquals(Layout.NEWSPAPER, f.layout());
        assertEquals(List.of(), f.problems());
        assertEquals(1, f.items().size());
    }

    @Test
    void onePerParagraphInFileOrderWithLineNumbers() {
        DayFile f = read(HEAD + "**[05:49]** 第一条。\n\n**[05:45]** 第二条。\n\n**[06:04]** 第三条。\n");
        assertEquals(List.of("第一条。", "第二条。", "第三条。"), f.items().stream().map(RawItem::text).toList());
        assertEquals(List.of(LocalTime.of(5, 49), LocalTime.of(5, 45), LocalTime.of(6, 4)),
                f.items().stream().map(i -> i.time().toLocalTime()).toList());
        assertEquals("t.md:6", f.items().get(0).where().toString());
        assertEquals("t.md:10", f.items().get(2).where().toString());
    }

    @Test
    void continuationLineJoinsItsItem() {
        DayFile f = read(HEAD + "**[05:49]** 第一行\n第二行\n\n**[05:50]** 下一条\n");
        assertEquals("第一行 第二行", f.items().get(0).text());
        assertEquals(2, f.items().size());
    }

    @Test
    void aProblemKeepsItsTextsLineBreaksWhereAnItemJoinsItsLines() {
        DayFile f = read(HEAD + "**[05:49]** 第一行\n第二行\n\n一段没有时间的文字，\n  写在两行\u200b里。\n\n**[25:99]** 时间错误\n的一条\n");
        assertEquals("第一行 第二行", f.items().get(0).text());
        assertEquals(List.of("一段没有时间的文字，\n写在两行里。", "**[25:99]** 时间错误\n的一条"),
                f.problems().stream().map(Problem::text).toList(), "lines as written, invisible characters removed");
    }

    @Test
    void unreadableLinesAreReportedAndKeptAsText() {
        DayFile f = read(HEAD + "**[05:49]** 好的一条。\n\n这一段没有时间。\n\n**[25:99]** 时间错误的一条。\n\n**[07:00]**\n");
        assertEquals(1, f.items().size());
        List<String> reports = f.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "t.md:8: not an item: expected '**[HH:MM]** text'",
                "t.md:10: time [25:99] out of range",
                "t.md:12: item has a time but no text"), reports);
        assertEquals("这一段没有时间。", f.problems().get(0).text());
        assertEquals("**[25:99]** 时间错误的一条。", f.problems().get(1).text());
    }

    @Test
    void noHeadingFallsBackOnTheRealFileName() {
        DayFile f = reader.read("CLS_2026-01-06_Major.md", "**[10:30]** 财联社1月6日电，沪银涨。\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(LocalDate.of(2026, 1, 6), f.date());
        assertEquals(Channel.MAJOR, f.channel());
        assertEquals(1, f.items().size());
        assertTrue(f.problems().get(0).toString().startsWith("CLS_2026-01-06_Major.md:1: no heading"));
    }

    @Test
    void aDayFileNameWithAnImpossibleDateAndNoHeadingIsOneReportWithTheTextKept() {
        DayFile f = reader.read("CLS_2026-02-30_General.md", "随便写的笔记\n\n第二段\n".getBytes(StandardCharsets.UTF_8));
        assertNull(f.date());
        assertEquals(1, f.problems().size());
        assertTrue(f.problems().get(0).toString().startsWith("CLS_2026-02-30_General.md:1: not a day file"));
        assertTrue(f.problems().get(0).text().contains("第二段"));
    }

    @Test
    void binaryGarbageIsReportedNotThrown() {
        byte[] garbage = new byte[3000];
        new java.util.Random(42).nextBytes(garbage);
        DayFile f = reader.read("garbage-2026-01-06.md", garbage);
        assertNull(f.date());
        assertTrue(f.problems().get(0).toString().startsWith("garbage-2026-01-06.md:"), f.problems().toString());
        assertTrue(f.problems().stream().anyMatch(p -> p.reason().startsWith("not a day file")));
    }

    @Test
    void gbkFileIsReportedAndStillRead() {
        byte[] gbk = (HEAD + "**[05:49]** 【标题】财联社1月6日电，正文。\n").getBytes(Charset.forName("GBK"));
        DayFile f = reader.read("gbk.md", gbk);
        assertEquals("gbk.md:1: not valid UTF-8; read as GB18030 (GBK)", f.problems().get(0).toString());
        assertEquals(LocalDate.of(2026, 1, 6), f.date());
        assertEquals("【标题】财联社1月6日电，正文。", f.items().get(0).text());
    }

    @Test
    void bomAtStartOfFileIgnored() {
        DayFile f = read("\uFEFF" + HEAD + "**[05:49]** 一条。\n");
        assertEquals(LocalDate.of(2026, 1, 6), f.date());
        assertEquals(List.of(), f.problems());
    }

    @Test
    void realFileWithNulByteKeepsTheItem() throws IOException {
        DayFile f = reader.read(TestCorpus.newspaperFile("CLS_2026-02-16_General.md"));
        RawItem nul = f.items().stream().filter(i -> i.text().indexOf('\0') >= 0).findFirst().orElseThrow();
        assertEquals(LocalTime.of(19, 24), nul.time().toLocalTime());
        assertEquals("美国国务卿鲁比奥表示，美国希望与伊朗达成协议。", new ItemTextParser().parse(nul.text()).body());
        assertEquals(List.of(), f.problems());
    }

    @Test
    void realFileWithBomInMidText() throws IOException {
        DayFile f = reader.read(TestCorpus.newspaperFile("CLS_2026-03-18_General.md"));
        RawItem bom = f.items().stream().filter(i -> i.text().indexOf('\uFEFF') >= 0).findFirst().orElseThrow();
        ItemParts parts = new ItemTextParser().parse(bom.text());
        assertEquals("百度推动大模型与搜推业务融合", parts.title());
        assertEquals("财联社3月18日电，", parts.dateline());
    }

    @Test
    void everyRealFileReadsWithoutProblems() throws IOException {
        try (var files = java.nio.file.Files.list(TestCorpus.newspaper())) {
            for (var path : files.filter(p -> p.getFileName().toString().startsWith("CLS_")).toList()) {
                DayFile f = reader.read(path);
                assertEquals(List.of(), f.problems(), path.toString());
                assertTrue(f.items().size() > 0, path.toString());
            }
        }
    }
}
