package telegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapsTest {

    private static List<Integer> hours(int perHour) {
        return new ArrayList<>(Collections.nCopies(24, perHour));
    }

    @Test
    void aCompleteDayHasNoNotes() {
        assertEquals(List.of(), Gaps.of(hours(20)));
    }

    @Test
    void emptyDaytimeHoursAreReportedAsRuns() {
        List<Integer> h = hours(20);
        h.set(8, 0);
        h.set(9, 0);
        h.set(14, 0);
        h.set(3, 0);
        assertEquals(List.of("08:00–09:59 没有电报（该时段通常有）", "14:00–14:59 没有电报（该时段通常有）"), Gaps.of(h));
    }

    @Test
    void aSparseDayIsFlaggedAsPartial() {
        List<Integer> h = hours(0);
        h.set(23, 10);
        h.set(0, 5);
        List<String> notes = Gaps.of(h);
        assertEquals("本日仅 15 条，文件可能不完整（存档的第一天或最后一天，或抓取中断）", notes.get(0));
        assertEquals("07:00–22:59 没有电报（该时段通常有）", notes.get(1));
    }
}
