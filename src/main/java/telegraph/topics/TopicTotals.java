package telegraph.topics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** A topic over the whole archive, as its page and the directory show it. */
final class TopicTotals {

    /** The daily chart of a topic page covers this many days up to its latest mention. */
    static final int RECENT_DAYS = 90;
    /** A topic with more items has a page per year, its own page shows its newest. */
    static final int PAGE_ITEMS = 200;
    /**
     * A big topic's year with more items has a page per month instead: an entry is 170 to 400
     * bytes, so a page stays under about half a MB, and a day's new items rewrite their month's
     * page, not the year's (a busy theme's year was 5 MB, rewritten whole each time the open day
     * grew).
     */
    static final int YEAR_PAGE_ITEMS = 1000;
    /** A security or source with this many items has a feed; every theme, column and subject has one. */
    static final int FEED_ITEMS = 100;

    private TopicTotals() {
    }

    /** One topic over the whole archive. */
    static final class Total {
        final MonthTopics.Id id;
        final String slug;
        String name = "";
        /** A security's other share classes, as the newest month knows them. */
        List<String> siblings = List.of();
        int count;
        LocalDate last;
        final NavigableMap<YearMonth, Integer> months = new TreeMap<>();
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

        /** Too many items for one page: they go on year (or month) pages. */
        boolean big() {
            return count > PAGE_ITEMS;
        }

        /**
         * Feeds are for what readers follow: the themes the site owner chose, columns and CLS
         * subjects (a few dozen of each), and securities and outlets mentioned often enough that
         * a reader polling the feed sees news; a feed of a stock named twice a year would be a
         * file per stock for nothing.
         */
        boolean hasFeed() {
            return switch (id.kind()) {
                case THEME, COLUMN, SUBJECT -> true;
                case SECURITY, SOURCE -> count >= FEED_ITEMS;
            };
        }

        /** Items per year. */
        NavigableMap<Integer, Integer> years() {
            NavigableMap<Integer, Integer> years = new TreeMap<>();
            months.forEach((m, n) -> years.merge(m.getYear(), n, Integer::sum));
            return years;
        }

        /** The topic's months of a year, with their counts. */
        NavigableMap<YearMonth, Integer> monthsOf(int year) {
            return months.subMap(YearMonth.of(year, 1), true, YearMonth.of(year, 12), true);
        }

        /** The page of a big topic that lists a month's items. */
        Period periodOf(YearMonth month) {
            int inYear = monthsOf(month.getYear()).values().stream().mapToInt(Integer::intValue).sum();
            return inYear > YEAR_PAGE_ITEMS ? Period.of(month) : Period.of(month.getYear());
        }

        /** A big topic's pages of items and how many each lists. */
        NavigableMap<Period, Integer> periods() {
            NavigableMap<Period, Integer> periods = new TreeMap<>();
            months.forEach((m, n) -> periods.merge(periodOf(m), n, Integer::sum));
            return periods;
        }

        /** Every published file of the topic, output-relative. */
        List<String> files() {
            List<String> files = new ArrayList<>();
            files.add(TopicPaths.page(id.kind(), slug));
            if (hasFeed()) {
                files.add(TopicPaths.feed(id.kind(), slug));
            }
            if (big()) {
                periods().keySet().forEach(p -> files.add(TopicPaths.period(id.kind(), slug, p)));
            }
            return files;
        }
    }

    /** What the topic page shows of a topic with at least one month. */
    static Total of(TopicStore.State state) {
        Total total = new Total(new MonthTopics.Id(state.kind(), state.key()), state.slug());
        List<TopicStore.MonthPart> months = state.months();
        for (int m = months.size() - 1; m >= 0; m--) {
            TopicStore.MonthPart part = months.get(m);
            total.count += part.count();
            total.months.put(YearMonth.parse(part.month()), part.count());
            total.monthNames.add(part.names());
            if (total.name.isEmpty()) {
                total.name = part.name();
            }
            if (m == months.size() - 1) {
                total.siblings = part.siblings();
            }
            List<Integer> days = part.days();
            for (int d = days.size() - 1; d >= 0; d--) {
                if (days.get(d) == 0) {
                    continue;
                }
                LocalDate date = TopicStore.day(part, d);
                if (total.last == null) {
                    total.last = date;
                }
                if (date.isAfter(total.last.minusDays(RECENT_DAYS))) {
                    total.recentDays.put(date, days.get(d));
                }
            }
        }
        total.latest.addAll(state.latest());
        return total;
    }

    /** What the directory shows of a topic. */
    static Total of(TopicStore.IndexEntry entry) {
        Total total = new Total(new MonthTopics.Id(entry.kind(), entry.key()), entry.slug());
        total.name = entry.name();
        total.count = entry.count();
        return total;
    }
}
