package telegraph.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import telegraph.model.Day;
import telegraph.site.ArchiveOutput;
import telegraph.site.DaySummary;
import telegraph.site.OutputWriter;

/**
 * The JSON export as an archive-wide output: one file per month ({@link MonthData}) and
 * {@code data/index.json} listing the months. A month's file is rewritten whenever any of its
 * days changes; the index is made from the calendar alone, so it needs no state of its own.
 */
public final class DataExport implements ArchiveOutput {

    /** One month in {@code data/index.json}; {@code file} is relative to {@code data/}. */
    record MonthEntry(String month, String file, int days, int items) {
    }

    record Index(int version, int items, List<MonthEntry> months) {
    }

    /** Bumped when the shape of the export changes, so that tools reading it can tell. */
    static final int VERSION = 2;

    private final MonthData monthData = new MonthData();
    private final ObjectWriter indexWriter = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writerFor(Index.class);

    @Override
    public String name() {
        return "data export";
    }

    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) {
        out.write(SitePaths.monthData(month), stream -> monthData.write(days, stream));
    }

    @Override
    public void finish(NavigableMap<LocalDate, DaySummary> days, Set<YearMonth> changed, OutputWriter out,
                       PageRenderer pages) {
        NavigableMap<YearMonth, NavigableMap<LocalDate, DaySummary>> months = CalendarModel.byMonth(days);
        changed.stream().filter(m -> !months.containsKey(m)).forEach(m -> out.delete(SitePaths.monthData(m)));
        List<MonthEntry> entries = months.entrySet().stream().map(e -> new MonthEntry(e.getKey().toString(),
                        SitePaths.monthData(e.getKey()).substring(SitePaths.DATA.length()), e.getValue().size(),
                        e.getValue().values().stream().mapToInt(DaySummary::count).sum()))
                .toList();
        Index index = new Index(VERSION, entries.stream().mapToInt(MonthEntry::items).sum(), entries);
        out.write(SitePaths.dataIndex(), stream -> {
            indexWriter.writeValue(stream, index);
            stream.write('\n');
        });
    }
}
