package telegraph.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import telegraph.site.BuildReport;

/**
 * What one rebuild of {@code watch} or {@code serve} did, in one line, e.g.
 * {@code rebuilt 2026-01-10 (1 day file, +20 items) in 412 ms: 12 files written (1.3 MB)}: the
 * days whose pages were rendered, the day files that changed, the items gained or lost, the
 * build's own time and what it wrote. A script (the bench) reads the time from it.
 */
final class RebuiltLine {

    /** Up to this many days are named; more are given as a count and a range. */
    private static final int NAMED_DAYS = 3;

    private RebuiltLine() {
    }

    /** @param itemsBefore the archive's items after the build before this one */
    static String of(BuildReport report, long itemsBefore) {
        long gained = report.items() - itemsBefore;
        return String.format("rebuilt %s (%s, %+d %s) in %d ms: %s written (%s)", days(report.rebuilt()),
                count(report.changedFiles(), "day file"), gained, Math.abs(gained) == 1 ? "item" : "items",
                report.millis(), count(report.pages(), "file"), WrittenLine.size(report.bytes()));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String days(List<LocalDate> days) {
        if (days.isEmpty()) {
            return "no day";
        }
        if (days.size() <= NAMED_DAYS) {
            return days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
        }
        return days.size() + " days, " + days.get(0) + " … " + days.get(days.size() - 1);
    }
}
