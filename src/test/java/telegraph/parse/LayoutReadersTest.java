package telegraph.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import telegraph.TestCorpus;
import telegraph.model.Level;

/** The readers of the other archives' layouts, on their real files. */
@Tag("integration")
class LayoutReadersTest {

    private final DayFileReader reader = new DayFileReader();

    @Test
    void echoMarkdownItemsCarryIdLevelSubjectsUrlAndSeconds() throws IOException {
        DayFile f = reader.read(TestCorpus.shared().resolve("corpus-real/cls-echo-stacker/2026-05-14.md"));
        assertEquals(Layout.ECHO_MARKDOWN, f.layout());
        assertEquals(LocalDate.of(2026, 5, 14), f.date());
        assertEquals(List.of(), f.problems());
        assertEquals(516, f.items().size(), "as its item_count says");
        RawItem first = f.items().get(0);
        assertEquals(LocalDateTime.of(2026, 5, 14, 0, 8, 23), first.time());
        assertEquals(LocalDate.of(2026, 5, 13), first.window(), "00:08 belongs to the previous window day");
        assertEquals("2370637", first.extras().clsId());
        assertEquals(Level.C, first.extras().level());
        assertEquals(List.of("环球市场情报"), first.extras().subjects());
        assertTrue(first.extras().url().startsWith("https://api3.cls.cn/share/article/2370637"));
        assertTrue(first.extras().seconds());
        assertTrue(first.text().startsWith("【美联储Collins：近期出现了许多供应冲击 十分关注供应端问题】财联社5月14日电，"));
        assertEquals(List.of(LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 14)), f.windows());
    }

    @Test
    void echoJsonlLinesAreItemsWithTheSameFields() throws IOException {
        DayFile f = reader.read(TestCorpus.shared().resolve("corpus-real/cls-echo-stacker/2026-05-16.jsonl"));
        assertEquals(Layout.ECHO_JSONL, f.layout());
        assertEquals(151, f.items().size());
        RawItem first = f.items().get(0);
        assertEquals("2372989", first.extras().clsId());
        assertEquals(LocalDateTime.of(2026, 5, 16, 0, 1, 30), first.time());
        assertEquals(List.of("环球市场情报"), first.extras().subjects());
    }

    @Test
    void feishuItemsSpanningLinesAreJoinedAndCutShortOnesMarked() throws IOException {
        DayFile f = reader.read(TestCorpus.shared().resolve("corpus-real/cls-feishu-bot/财联社电报_2026-05-26.md"));
        assertEquals(Layout.FEISHU, f.layout());
        assertEquals(LocalDate.of(2026, 5, 26), f.date());
        assertEquals(109, f.items().size());
        assertEquals(List.of(), f.problems());
        RawItem multi = f.items().stream().filter(i -> i.text().startsWith("【直播间摆拍")).findFirst().orElseThrow();
        assertTrue(multi.text().contains("造成警力浪费。 目前，江西省萍乡市"), multi.text());
        assertTrue(multi.extras().truncated(), "ends in 记者, cut short");
        RawItem whole = f.items().stream().filter(i -> i.text().startsWith("【伊朗总统")).findFirst().orElseThrow();
        assertFalse(whole.extras().truncated());
        assertEquals("2382186", whole.extras().clsId());
    }

    @Test
    void layoutIsChosenByContentNotByName() throws IOException {
        byte[] echo = Files.readAllBytes(TestCorpus.shared().resolve("corpus-real/cls-echo-stacker/2026-05-17.md"));
        DayFile misnamed = reader.read("CLS_2026-05-17_General.md", echo);
        assertEquals(Layout.ECHO_MARKDOWN, misnamed.layout());
        assertEquals(133, misnamed.items().size());
        byte[] news = Files.readAllBytes(TestCorpus.newspaperFile("CLS_2026-01-06_Major.md"));
        assertEquals(Layout.NEWSPAPER, reader.read("2026-01-06.jsonl", news).layout());
    }
}
