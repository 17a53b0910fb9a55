package telegraph.search;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import telegraph.model.Item;

/**
 * What results are shown with, kept out of the shards. Per month:
 * <ul>
 *   <li>{@code meta}: one character per ref giving its day of month and whether it is major,
 *       so the page can filter by date and level before fetching any text;</li>
 *   <li>{@code d-N}: the items of refs {@code N*CHUNK} to {@code N*CHUNK+CHUNK-1}, each as
 *       {@code [id, window date, time, level, title, body, rest]} where
 *       {@code title + "\n" + body + "\n" + rest} is exactly the text the index was built from
 *       ({@link SearchText}). The page cuts its snippet around the first hit from it, and, when a
 *       query's rarest word is in only a few items of a month, checks the other words in those
 *       items' own text instead of downloading their shards. Small chunks, because the
 *       best-scored hits of a month are spread over the whole month.</li>
 * </ul>
 */
final class TextStore {

    static final int CHUNK = 16;
    /** 62 symbols for (day - 1) * 2 + major, day 1..31. */
    static final String META_SYMBOLS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private TextStore() {
    }

    /**
     * Chinese text as a JSON string: encoded to UTF-8 by the JDK's intrinsic, then escaped by
     * Jackson byte by byte, about twice as fast as Jackson encoding it char by char.
     */
    private static void writeText(JsonGenerator g, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        g.writeUTF8String(utf8, 0, utf8.length);
    }

    static void write(String month, List<Item> items, SearchFiles files) {
        StringBuilder meta = new StringBuilder(items.size());
        for (Item item : items) {
            meta.append(META_SYMBOLS.charAt((item.windowDate().getDayOfMonth() - 1) * 2 + (item.isMajor() ? 1 : 0)));
        }
        files.writeJson(SearchFiles.metaKey(month), g -> g.writeString(meta.toString()));
        for (int chunk = 0; chunk * CHUNK < items.size(); chunk++) {
            List<Item> part = items.subList(chunk * CHUNK, Math.min(items.size(), (chunk + 1) * CHUNK));
            files.writeJson(SearchFiles.textKey(month, chunk), g -> {
                g.writeStartArray();
                for (Item item : part) {
                    g.writeStartArray();
                    g.writeString(item.id());
                    g.writeString(item.windowDate().toString());
                    g.writeString(CLOCK.format(item.time()));
                    g.writeString(item.level().name());
                    writeText(g, item.title());
                    writeText(g, item.body());
                    writeText(g, SearchText.rest(item));
                    g.writeEndArray();
                }
                g.writeEndArray();
            });
        }
    }
}
