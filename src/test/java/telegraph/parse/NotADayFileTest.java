package telegraph.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an archive repository holds beside its day files (a README, notes) is no day file of any
 * layout and is skipped; a file that looks like a day file but cannot be read stays a problem.
 */
class NotADayFileTest {

    private final DayFileReader reader = new DayFileReader();

    private DayFile read(String name, String text) {
        return reader.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReadmeIsNoDayFileAndNoProblem() {
        DayFile f = read("README.md", "# Newspaper\n\n多读书，多看报，少吃零食多睡觉。Do not redistribute.\n");
        assertEquals(Layout.NONE, f.layout());
        assertEquals(List.of(), f.problems());
        assertEquals(List.of(), f.windows());
    }

    @Test
    void anEmptyFileWithAnUndatedNameIsNoDayFile() {
        assertEquals(Layout.NONE, read("notes/todo.md", "").layout());
    }

    @Test
    void anEmptyFileWithADayFileNameIsAProblem() {
        DayFile f = read("CLS_2026-01-07_Major.md", "");
        assertEquals("CLS_2026-01-07_Major.md:1: empty file", f.problems().get(0).toString());
    }

    @Test
    void anUndatedFileWithAnItemStampIsADamagedDayFile() {
        DayFile f = read("notes.md", "笔记\n\n摘录 **[10:30]** 【标题】财联社1月6日电，正文。\n");
        assertEquals(Layout.NEWSPAPER, f.layout());
        assertTrue(f.problems().get(0).reason().startsWith("not a day file"), f.problems().toString());
    }

    @Test
    void aDayHeadingWithAnImpossibleDateIsADamagedDayFile() {
        DayFile f = read("today.md", "# 财联社【普通】电报 - 2026-02-30\n\n正文\n");
        assertTrue(f.problems().stream().anyMatch(p -> p.reason().startsWith("not a day file")), f.problems().toString());
    }

    @Test
    void aDateInTheFolderNameDoesNotMakeADayFile() {
        assertEquals(Layout.NONE, read("2026-01-06/README.md", "说明\n").layout());
        assertEquals(Layout.NEWSPAPER, read("old/2026-01-06.md", "说明\n").layout());
    }
}
