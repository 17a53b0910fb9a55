package telegraph.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.site.ArchiveOutput;
import telegraph.site.DaySummary;
import telegraph.site.OutputWriter;

/**
 * The JSON export as an archive-wide output: one file per month ({@link MonthData}) and
 * {@code data/index.json} listing the months. A month's file is rewritten whenever any of its
 * days changes; the index is made from the calendar alone, so it needs no state of its own, and
 * whatever else is in {@code data/} is removed.
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
                       PageRenderer pages) throws IOException {
        NavigableMap<YearMonth, NavigableMap<LocalDate, DaySummary>> months = CalendarModel.byMonth(days);
        Set<String> kept = new HashSet<>();
        months.keySet().forEach(m -> kept.add(SitePaths.monthData(m)));
        kept.add(SitePaths.dataIndex());
        removeAllBut(kept, out);
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

    /**
     * {@code data/} is the export's alone: anything else there is from a removed month or an
     * earlier layout (a file per day in {@code data/YYYY/MM/}), and goes, deepest first.
     */
    private static void removeAllBut(Set<String> kept, OutputWriter out) throws IOException {
        Path folder = out.resolve(SitePaths.DATA);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<String> stale;
        try (Stream<Path> walk = Files.walk(folder)) {
            stale = walk.filter(p -> !p.equals(folder))
                    .map(p -> out.root().relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(p -> !kept.contains(p))
                    .sorted(Comparator.reverseOrder()).toList();
        }
        stale.forEach(out::delete);
    }
}
