package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import telegraph.model.DuplicateCounts;
import telegraph.site.BuildReport;

/** The line a rebuild of watch or serve prints: the bench reads its time, a user what was done. */
class RebuiltLineTest {

    private static BuildReport report(int changedFiles, List<String> days, long items, long files, long bytes, long millis) {
        return new BuildReport(60, List.of(), changedFiles, 30, days.stream().map(LocalDate::parse).toList(), items,
                List.of(), files, bytes, millis, DuplicateCounts.NONE, Map.of(), Map.of());
    }

    @Test
    void aGrownDay() {
        assertEquals("rebuilt 2026-01-10 (1 day file, +20 items) in 412 ms: 12 files written (1.3 MB)",
                RebuiltLine.of(report(1, List.of("2026-01-10"), 12_020, 12, 1_260_000, 412), 12_000));
    }

    @Test
    void aNewDayAndTheDayBeforeIt() {
        assertEquals("rebuilt 2026-01-10, 2026-01-11 (1 day file, +1 item) in 80 ms: 1 file written (900 B)",
                RebuiltLine.of(report(1, List.of("2026-01-10", "2026-01-11"), 12_001, 1, 900, 80), 12_000));
    }

    @Test
    void manyDaysAreCountedAndRemovedItemsSubtracted() {
        assertEquals("rebuilt 31 days, 2026-01-01 … 2026-01-31 (2 day files, -5 items) in 2000 ms: 0 files written (0 B)",
                RebuiltLine.of(report(2, java.util.stream.IntStream.rangeClosed(1, 31)
                        .mapToObj(d -> String.format("2026-01-%02d", d)).toList(), 11_995, 0, 0, 2000), 12_000));
    }

    @Test
    void nothingRebuilt() {
        assertEquals("rebuilt no day (0 day files, +0 items) in 15 ms: 0 files written (0 B)",
                RebuiltLine.of(report(0, List.of(), 12_000, 0, 0, 15), 12_000));
    }
}
