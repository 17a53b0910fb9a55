package telegraph.site;

import java.time.LocalDate;

/** What the archive-wide pages need to know of a day after it has been rendered. */
public record DaySummary(LocalDate date, int count, long majorCount) {
}
