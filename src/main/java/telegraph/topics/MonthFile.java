package telegraph.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import telegraph.output.OutputWriter;

/**
 * What one month holds for topics, kept as build state ({@code .telegraph/topics/months/YYYY-MM.json.gz})
 * because an incremental build only revisits changed months: topic pages are made from these
 * files. Each item that has a topic is stored once; topics refer to it by its index.
 *
 * @param items  the month's items that have a topic, in time order
 * @param topics every topic of the month, in (kind, key) order
 * @param latest the month's newest items, for the archive feed
 */
record MonthFile(List<Entry> items, List<TopicMonth> topics, List<Entry> latest) {

    /**
     * @param name  the name most of the month's mentions give (a security's), or empty
     * @param names non-empty names in order of first mention in the month
     * @param days  mentions per day of the month (window date, ISO) on days with any
     * @param items indexes into {@link MonthFile#items}, newest first
     * @param byName those of {@code items} that name a security without its code ({@link CompanyNames})
     * @param siblings the other share classes of a security's company (codes), from the whole archive's names
     */
    record TopicMonth(TopicKind kind, String key, String slug, String name, List<String> names, int count,
                      Map<String, Integer> days, List<Integer> items, Set<Integer> byName, List<String> siblings) {
    }

    /**
     * An item as topic pages and feeds show it.
     *
     * @param date    its window date: the day page it is on
     * @param time    its true time, ISO with offset ({@link telegraph.model.Item#time})
     * @param excerpt the start of its text, cut short
     * @param byName  in a security's list: the item names it without its code; false as stored in {@link #items}
     */
    record Entry(String id, String date, String time, boolean major, String title, String excerpt, boolean byName) {

        Entry(String id, String date, String time, boolean major, String title, String excerpt) {
            this(id, date, time, major, title, excerpt, false);
        }

        /** The calendar date it happened on, which lists show (the day after {@code date} past midnight). */
        LocalDate calendarDate() {
            return LocalDate.parse(time.substring(0, 10));
        }

        /** HH:MM of its true time. */
        String clock() {
            return time.substring(11, 16);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A topic's items of the month, newest first, at most {@code limit}, marked where they name it without its code. */
    List<Entry> entries(TopicMonth topic, int limit) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < topic.items().size() && entries.size() < limit; i++) {
            int index = topic.items().get(i);
            Entry e = items.get(index);
            entries.add(topic.byName().contains(index)
                    ? new Entry(e.id(), e.date(), e.time(), e.major(), e.title(), e.excerpt(), true) : e);
        }
        return entries;
    }

    /** The month's file from the last build, or null when there is none or it cannot be read. */
    static MonthFile read(OutputWriter out, YearMonth month) {
        return read(out.resolve(TopicPaths.monthFile(month)));
    }

    static MonthFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readValue(in, MonthFile.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Gzipped: titles and excerpts of a month's items compress about fourfold, and no reader needs them. */
    void write(OutputWriter out, YearMonth month) {
        out.write(TopicPaths.monthFile(month), stream -> {
            byte[] json = JSON.writeValueAsBytes(this);
            TopicPaths.STATE_DEFLATERS.gzip(json, json.length, stream);
        });
    }
}
