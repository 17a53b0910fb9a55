package telegraph.topics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import telegraph.output.OutputWriter;

/**
 * Renders topics' pages from their totals and the items in the month files, reading the months
 * the pages need a year at a time, newest first, so that memory holds one year's items of big
 * topics and the items of small topics not yet complete, never the whole archive.
 */
final class TopicRender {

    /**
     * @param periods a big topic's pages of items to render; ignored for a small topic, whose
     *                one page needs all its items
     */
    record Job(TopicTotals.Total total, Set<Period> periods) {
    }

    /** A big topic's page of items being gathered. */
    private record PeriodOf(MonthTopics.Id id, Period period) {
        static final Comparator<PeriodOf> ORDER = Comparator.comparing(PeriodOf::id, MonthTopics.Id.ORDER)
                .thenComparing(PeriodOf::period);
    }

    private final OutputWriter out;
    private final TopicPages pages;

    TopicRender(OutputWriter out, TopicPages pages) {
        this.out = out;
        this.pages = pages;
    }

    void run(Collection<Job> jobs, Collection<YearMonth> archiveMonths) {
        Map<MonthTopics.Id, Job> byId = new HashMap<>();
        /** Small topics' items so far, newest first, until their oldest year is read. */
        Map<MonthTopics.Id, List<MonthFile.Entry>> small = new HashMap<>();
        /** The months whose files hold what the pages list: a page of a month needs only that month. */
        NavigableSet<YearMonth> needed = new TreeSet<>();
        for (Job job : jobs) {
            TopicTotals.Total t = job.total();
            byId.put(t.id, job);
            if (t.big()) {
                pages.topic(t, List.of());
                job.periods().forEach(p -> needed.addAll(p.wholeYear() ? t.monthsOf(p.year()).keySet()
                        : List.of(YearMonth.of(p.year(), p.month()))));
            } else {
                small.put(t.id, new ArrayList<>());
                needed.addAll(t.months.keySet());
            }
        }
        needed.retainAll(archiveMonths);
        TreeMap<Integer, List<YearMonth>> monthsByYear = new TreeMap<>();
        needed.forEach(m -> monthsByYear.computeIfAbsent(m.getYear(), y -> new ArrayList<>()).add(m));
        for (int year : monthsByYear.descendingKeySet()) {
            Map<PeriodOf, List<MonthFile.Entry>> bigYear = new TreeMap<>(PeriodOf.ORDER);
            Map<PeriodOf, String> names = new HashMap<>();
            List<YearMonth> months = monthsByYear.get(year);
            for (int i = months.size() - 1; i >= 0; i--) {
                YearMonth month = months.get(i);
                MonthFile file = MonthFile.read(out, month);
                if (file == null) {
                    continue;
                }
                for (MonthFile.TopicMonth t : file.topics()) {
                    MonthTopics.Id id = TopicStore.id(t);
                    Job job = byId.get(id);
                    if (job == null) {
                        continue;
                    }
                    if (!job.total().big()) {
                        small.get(id).addAll(file.entries(t, t.count()));
                        continue;
                    }
                    PeriodOf page = new PeriodOf(id, job.total().periodOf(month));
                    if (job.periods().contains(page.period())) {
                        bigYear.computeIfAbsent(page, k -> new ArrayList<>()).addAll(file.entries(t, t.count()));
                        if (!t.name().isEmpty()) {
                            names.putIfAbsent(page, t.name());
                        }
                    }
                }
            }
            bigYear.forEach((page, entries) -> pages.period(page.id().kind(), page.id().key(),
                    byId.get(page.id()).total().slug, page.period(), names.getOrDefault(page, ""), entries));
            for (var it = small.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                TopicTotals.Total t = byId.get(e.getKey()).total();
                if (t.months.firstKey().getYear() == year) {
                    pages.topic(t, e.getValue());
                    it.remove();
                }
            }
        }
        // a small topic whose oldest month has no file left still gets its page, from what was read
        small.forEach((id, entries) -> pages.topic(byId.get(id).total(), entries));
    }
}
