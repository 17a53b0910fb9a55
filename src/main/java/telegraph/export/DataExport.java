package telegraph.export;

import telegraph.render.PageRenderer;
import telegraph.render.SitePaths;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.render.ArchiveOutput;
import telegraph.model.DaySummary;
import telegraph.output.OutputWriter;

/**
 * The JSON export as an archive-wide output: each month's items in chunks ({@link MonthData}),
 * and {@code data/index.json} listing the months, their days and chunks. A month's chunks are
 * rewritten whenever any of its days changes, with its entry of the index kept as build state
 * ({@code .telegraph/data/YYYY-MM.json}), so that the index is made from those entries alone;
 * whatever else is in {@code data/} is removed. The search page reads its text from the chunks.
 */
public final class DataExport implements ArchiveOutput {

    /** Bumped when the shape of the export changes, so that tools reading it can tell. */
    static final int VERSION = 3;
    private static final String STATE = ".telegraph/data/";

    private final MonthData monthData = new MonthData();

    @Override
    public String name() {
        return "data export";
    }

    @Override
    public byte[] settings() {
        return ("export " + VERSION + " " + MonthData.TARGET + " " + MonthData.GROUP + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) {
        MonthData.MonthJson entry = monthData.write(month, days, out);
        out.write(STATE + month + ".json", stream -> MonthData.JSON.writeValue(stream, entry));
    }

    /** The first item (0-based in the month) of each of the month's chunks, or none if it has no entry. */
    public static List<Integer> chunkStarts(OutputWriter out, YearMonth month) {
        Path state = out.resolve(STATE + month + ".json");
        if (!Files.exists(state)) {
            return List.of();
        }
        try {
            List<Integer> starts = new ArrayList<>();
            MonthData.JSON.readTree(state.toFile()).get("chunks").forEach(c -> starts.add(c.get("first").asInt()));
            return starts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish(NavigableMap<LocalDate, DaySummary> days, Set<YearMonth> changed, OutputWriter out,
                       PageRenderer pages) throws IOException {
        Set<YearMonth> months = new TreeSet<>();
        days.keySet().forEach(d -> months.add(YearMonth.from(d)));
        List<JsonNode> entries = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        kept.add(SitePaths.dataIndex());
        for (YearMonth month : months) {
            JsonNode entry = MonthData.JSON.readTree(out.resolve(STATE + month + ".json").toFile());
            entries.add(entry);
            kept.add(SitePaths.DATA + month);
            entry.get("chunks").forEach(c -> kept.add(SitePaths.DATA + c.get("file").asText()));
        }
        removeAllBut(kept, out);
        removeStates(months, out);
        out.write(SitePaths.dataIndex(), stream -> {
            try (JsonGenerator g = MonthData.JSON.getFactory().createGenerator(stream)) {
                g.writeStartObject();
                g.writeNumberField("version", VERSION);
                g.writeNumberField("items", entries.stream().mapToInt(e -> e.get("items").asInt()).sum());
                g.writeArrayFieldStart("months");
                for (JsonNode entry : entries) {
                    g.writeTree(entry);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            stream.write('\n');
        });
    }

    private static void removeStates(Set<YearMonth> months, OutputWriter out) throws IOException {
        Set<String> kept = new HashSet<>();
        months.forEach(m -> kept.add(STATE + m + ".json"));
        removeUnder(STATE, kept, out);
    }

    /**
     * {@code data/} is the export's alone: anything else there is from a removed month or an
     * earlier layout, and goes, deepest first.
     */
    private static void removeAllBut(Set<String> kept, OutputWriter out) throws IOException {
        removeUnder(SitePaths.DATA, kept, out);
    }

    private static void removeUnder(String dir, Set<String> kept, OutputWriter out) throws IOException {
        Path folder = out.resolve(dir);
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
