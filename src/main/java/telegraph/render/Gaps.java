package telegraph.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a day's coverage looks incomplete, from its items per clock hour: the feed publishes
 * every daytime hour, so an empty hour between 07:00 and 23:59 means a scraper skipped it, and a
 * day with very few items is a partial first or last file. Only the day's own counts are used,
 * so a day page never changes because another day did.
 */
public final class Gaps {

    static final int FIRST_DAYTIME_HOUR = 7;
    static final int SPARSE_DAY = 50;

    private Gaps() {
    }

    /** Human-readable notes, empty when the day looks complete. */
    public static List<String> of(List<Integer> hours) {
        int total = hours.stream().mapToInt(Integer::intValue).sum();
        List<String> notes = new ArrayList<>();
        if (total == 0) {
            return notes;
        }
        if (total < SPARSE_DAY) {
            notes.add("本日仅 " + total + " 条，文件可能不完整（存档的第一天或最后一天，或抓取中断）");
        }
        int h = FIRST_DAYTIME_HOUR;
        while (h < 24) {
            if (hours.get(h) != 0) {
                h++;
                continue;
            }
            int start = h;
            while (h < 24 && hours.get(h) == 0) {
                h++;
            }
            notes.add(Dates.zeroPadded(start, 2) + ":00–" + Dates.zeroPadded(h - 1, 2) + ":59 没有电报（该时段通常有）");
        }
        return notes;
    }

    /** Whether a clock hour is one the coverage report expects items in. */
    public static boolean expected(int hour) {
        return hour >= FIRST_DAYTIME_HOUR;
    }
}
