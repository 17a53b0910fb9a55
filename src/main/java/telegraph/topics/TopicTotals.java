package telegraph.topics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every topic of the archive, summed from the month files, which must be added newest month
 * first: then the first name seen is the most recent one, and feeds fill up with the newest
 * items and stop growing. Holds only counts and a feed's worth of items per topic.
 */
final class TopicTotals {

    /** The daily chart of a topic page covers this many days up to its latest mention. */
    static final int RECENT_DAYS = 90;

    /** One topic over the whole archive. */
    static final class Total {
        final MonthTopics.Id id;
        final String slug;
        String name = "";
        int count;
        LocalDate last;
        final Map<YearMonth, Integer> months = new TreeMap<>();
        final Map<LocalDate, Integer> recentDays = new TreeMap<>();
        final List<MonthFile.Entry> latest = new ArrayList<>();
        /** Names of each month, newest month first. */
        private final List<List<String>> monthNames = new ArrayList<>();

        Total(MonthTopics.Id id, String slug) {
            this.id = id;
            this.slug = slug;
        }

        /** Names in order of first mention. */
        List<String> names() {
            Set<String> names = new LinkedHashSet<>();
            for (int i = monthNames.size() - 1; i >= 0; i--) {
                names.addAll(monthNames.get(i));
            }
            return List.copyOf(names);
        }

        String label() {
            return name.isEmpty() ? id.key() : name;
        }
    }

    private final Map<MonthTopics.Id, Total> totals = new TreeMap<>(MonthTopics.Id.ORDER);
    private final List<MonthFile.Entry> archiveLatest = new ArrayList<>();

    void add(YearMonth month, MonthFile file) {
        for (MonthFile.TopicMonth t : file.topics()) {
            Total total = totals.computeIfAbsent(new MonthTopics.Id(t.kind(), t.key()), id -> new Total(id, t.slug()));
            total.count += t.count();
            total.months.put(month, t.count());
            total.monthNames.add(t.names());
            if (total.name.isEmpty()) {
                total.name = t.name();
            }
            for (Map.Entry<String, Integer> day : t.days().entrySet()) {
                LocalDate date = LocalDate.parse(day.getKey());
                if (total.last == null || date.isAfter(total.last)) {
                    total.last = date;
                }
                if (date.isAfter(total.last.minusDays(RECENT_DAYS))) {
                    total.recentDays.put(date, day.getValue());
                }
            }
            for (MonthFile.Entry e : t.latest()) {
                if (total.latest.size() < MonthTopics.FEED_ENTRIES) {
                    total.latest.add(e);
                }
            }
        }
        for (MonthFile.Entry e : file.latest()) {
            if (archiveLatest.size() < MonthTopics.ARCHIVE_ENTRIES) {
                archiveLatest.add(e);
            }
        }
    }

    Collection<Total> all() {
        return totals.values();
    }

    List<MonthFile.Entry> archiveLatest() {
        return archiveLatest;
    }
}
