package telegraph;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.render.PageRenderer;
import telegraph.render.ArchiveOutput;
import telegraph.model.DaySummary;
import telegraph.output.OutputWriter;

/** An output that writes nothing and records the items of each month the builder hands it. */
public final class HandedMonths implements ArchiveOutput {

    private final Map<YearMonth, List<Item>> months = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "recorder";
    }

    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) {
        months.put(month, days.stream().flatMap(d -> d.items().stream()).toList());
    }

    @Override
    public void finish(NavigableMap<LocalDate, DaySummary> days, Set<YearMonth> changed, OutputWriter out,
                       PageRenderer pages) {
    }

    /** Each month handed over, in month order, with its items in time order. */
    public NavigableMap<YearMonth, List<Item>> items() {
        return new TreeMap<>(months);
    }
}
