package telegraph.topics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
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
 * a year at a time, newest first, so that memory holds one year's items of big topics and the
 * items of small topics not yet complete, never the whole archive.
 */
final class TopicRender {

    /**
     * @param years a big topic's years whose pages to render; ignored for a small topic, whose
     *              one page needs all its items
     */
    record Job(TopicTotals.Total total, Set<Integer> years) {
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
        NavigableSet<Integer> years = new TreeSet<>();
        for (Job job : jobs) {
            TopicTotals.Total t = job.total();
            byId.put(t.id, job);
            if (t.big()) {
                pages.topic(t, List.of());
                years.addAll(job.years());
            } else {
                small.put(t.id, new ArrayList<>());
                years.addAll(t.years().keySet());
            }
        }
        TreeMap<Integer, List<YearMonth>> monthsByYear = new TreeMap<>();
        archiveMonths.forEach(m -> monthsByYear.computeIfAbsent(m.getYear(), y -> new ArrayList<>()).add(m));
        for (int year : years.descendingSet()) {
            Map<MonthTopics.Id, List<MonthFile.Entry>> bigYear = new TreeMap<>(MonthTopics.Id.ORDER);
            Map<MonthTopics.Id, String> names = new HashMap<>();
            List<YearMonth> months = new ArrayList<>(monthsByYear.getOrDefault(year, List.of()));
            months.sort(null);
            for (int i = months.size() - 1; i >= 0; i--) {
                MonthFile file = MonthFile.read(out, months.get(i));
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
                    } else if (job.years().contains(year)) {
                        bigYear.computeIfAbsent(id, k -> new ArrayList<>()).addAll(file.entries(t, t.count()));
                        if (!t.name().isEmpty()) {
                            names.putIfAbsent(id, t.name());
                        }
                    }
                }
            }
            bigYear.forEach((id, entries) -> pages.year(id.kind(), id.key(), byId.get(id).total().slug, year,
                    names.getOrDefault(id, ""), entries));
            for (var it = small.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                TopicTotals.Total t = byId.get(e.getKey()).total();
                if (t.months.firstKey().getYear() == year) {
                    pages.topic(t, e.getValue());
                    it.remove();
                }
            }
        }
    }
}
