package telegraph.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import telegraph.site.OutputWriter;

/**
 * What {@link TopicOutput#month} wrote for one month, kept in the output folder
 * ({@code topics/.months/YYYY-MM.json}) because an incremental build only revisits changed
 * months: the archive-wide pages are made from these files, and the next build of the month
 * uses them to remove pages of topics the month no longer has.
 *
 * @param topics every topic of the month, in (kind, key) order
 * @param latest the month's newest items, for the archive feed
 */
record MonthFile(List<TopicMonth> topics, List<Entry> latest) {

    /**
     * @param name   the name at the month's last mention that gave one, or empty
     * @param names  non-empty names in order of first mention in the month
     * @param days   mentions per day of the month (window date, ISO) on days with any
     * @param latest the topic's newest items of the month, newest first, for its feed
     */
    record TopicMonth(TopicKind kind, String key, String slug, String name, List<String> names, int count,
                      Map<String, Integer> days, List<Entry> latest) {
    }

    /** An item as feeds and topic pages show it. */
    record Entry(String id, String date, String time, boolean major, String title, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The month's file from the last build, or null when there is none or it cannot be read. */
    static MonthFile read(OutputWriter out, YearMonth month) {
        return read(out.resolve(TopicPaths.monthFile(month)));
    }

    static MonthFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), MonthFile.class);
        } catch (IOException e) {
            return null;
        }
    }

    void write(OutputWriter out, YearMonth month) {
        out.write(TopicPaths.monthFile(month), stream -> JSON.writeValue(stream, this));
    }
}
