package telegraph.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import telegraph.output.OutputWriter;

/**
 * Each month's names of securities, learned from its coded mentions, kept as build state
 * ({@code .telegraph/topics/names/YYYY-MM.json}): the whole archive's names are the union of
 * every month's, and an incremental build parses only the changed months to learn theirs.
 */
final class NameTables {

    /**
     * @param names      every name the month's coded mentions give each code, by code
     * @param securities the codes of every security topic of the month, coded or named
     */
    record MonthNames(Map<String, Set<String>> names, Set<String> securities) {
    }

    static final String DIR = TopicPaths.STATE + "names/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputWriter out;

    NameTables(OutputWriter out) {
        this.out = out;
    }

    private static String path(YearMonth month) {
        return DIR + month + ".json";
    }

    /** Months with a table. */
    Set<YearMonth> months() {
        return TopicOutput.months(out.resolve(DIR), ".json");
    }

    /** The month's names, or null when it has none or it cannot be read. */
    MonthNames read(YearMonth month) {
        Path file = out.resolve(path(month));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), MonthNames.class);
        } catch (IOException e) {
            return null;
        }
    }

    void write(YearMonth month, MonthNames names) {
        out.write(path(month), stream -> JSON.writeValue(stream, names));
    }

    void delete(YearMonth month) {
        out.delete(path(month));
    }

    /** Adds a month's names to the whole archive's. */
    static void merge(Map<String, Set<String>> into, Map<String, Set<String>> month) {
        month.forEach((code, names) -> into.computeIfAbsent(code, k -> new TreeSet<>()).addAll(names));
    }
}
