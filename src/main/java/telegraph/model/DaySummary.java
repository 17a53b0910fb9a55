package telegraph.model;

import java.time.LocalDate;
import java.util.List;
import telegraph.model.DuplicateCounts;

/**
 * What the archive-wide pages need to know of a day after it has been rendered.
 *
 * @param hours      items per clock hour, 00 to 23
 * @param duplicates what was folded together on the day
 */
public record DaySummary(LocalDate date, int count, long majorCount, DuplicateCounts duplicates, List<Integer> hours) {
    public DaySummary {
        hours = List.copyOf(hours);
    }
}
