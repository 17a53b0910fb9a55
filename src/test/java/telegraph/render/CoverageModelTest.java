package telegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import telegraph.model.DuplicateCounts;
import telegraph.model.DaySummary;

/** The coverage heat map: a row per day, or per week for a long archive. */
class CoverageModelTest {

    /** Days from {@code first}, each with {@code perHour} items in every hour but 10:00 on Sundays. */
    private static NavigableMap<LocalDate, DaySummary> days(LocalDate first, int count, int perHour) {
        NavigableMap<LocalDate, DaySummary> days = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = first.plusDays(i);
            List<Integer> hours = new ArrayList<>(Collections.nCopies(24, perHour));
            if (date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                hours.set(10, 0);
            }
            days.put(date, new DaySummary(date, hours.stream().mapToInt(Integer::intValue).sum(), 0,
                    DuplicateCounts.NONE, hours));
        }
        return days;
    }

    @Test
    void aShortArchiveHasARowPerDay() {
        CoverageModel model = CoverageModel.of(days(LocalDate.of(2026, 1, 5), 14, 3), "");
        assertFalse(model.weekly());
        assertEquals(14 * 24, model.cells().size());
        assertEquals("2026-01-05 05时：3 条", model.cells().get(0).title());
        assertEquals(2, model.cells().stream().filter(c -> c.fill().equals("#d9534f")).count(), "two Sundays at 10:00");
        assertEquals(2, model.flagged().size());
    }

    @Test
    void aLongArchiveHasARowPerWeekWithItsHoursSummedAndEveryDayStillFlagged() {
        // 2024-01-01 is a Monday: 406 days are 58 whole weeks
        CoverageModel model = CoverageModel.of(days(LocalDate.of(2024, 1, 1), 406, 3), "");
        assertTrue(model.weekly());
        assertEquals(58 * 24, model.cells().size());
        CoverageModel.Cell first = model.cells().get(0);
        assertEquals("2024-01-01 起一周 05时：21 条", first.title(), "seven days of 3 items");
        assertEquals("2024-01-01 起一周 10时：18 条", model.cells().get(5).title(), "Sunday's empty hour");
        assertEquals("#d9534f", model.cells().get(5).fill(), "red: a day of the week had no items then");
        assertEquals(58, model.cells().stream().filter(c -> c.fill().equals("#d9534f")).count());
        assertEquals(58, model.flagged().size(), "every incomplete day is listed");
        assertEquals(406, model.days());
    }
}
