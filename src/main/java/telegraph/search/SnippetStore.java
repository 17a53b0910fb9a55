package telegraph.search;

import java.time.format.DateTimeFormatter;
import java.util.List;
import telegraph.model.Item;

/**
 * What results are shown with, kept out of the shards. Per month:
 * <ul>
 *   <li>{@code meta}: one character per ref giving its day of month and whether it is major,
 *       so the page can filter by date and level before fetching any snippet;</li>
 *   <li>{@code d-N}: snippets of refs {@code N*CHUNK} to {@code N*CHUNK+CHUNK-1}: small chunks,
 *       because the best-scored hits of a month are spread over the whole month.</li>
 * </ul>
 */
final class SnippetStore {

    static final int CHUNK = 32;
    static final int SNIPPET_CHARS = 80;
    /** 62 symbols for (day - 1) * 2 + major, day 1..31. */
    static final String META_SYMBOLS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private SnippetStore() {
    }

    static void write(String month, List<Item> items, SearchFiles files) {
        StringBuilder meta = new StringBuilder(items.size());
        for (Item item : items) {
            meta.append(META_SYMBOLS.charAt((item.windowDate().getDayOfMonth() - 1) * 2 + (item.isMajor() ? 1 : 0)));
        }
        files.write(SearchFiles.metaKey(month), Json.bytes(g -> g.writeString(meta.toString())));
        for (int chunk = 0; chunk * CHUNK < items.size(); chunk++) {
            List<Item> part = items.subList(chunk * CHUNK, Math.min(items.size(), (chunk + 1) * CHUNK));
            files.write(SearchFiles.snippetKey(month, chunk), Json.bytes(g -> {
                // [id, window date, time, level, title, start of body]
                g.writeStartArray();
                for (Item item : part) {
                    g.writeStartArray();
                    g.writeString(item.id());
                    g.writeString(item.windowDate().toString());
                    g.writeString(CLOCK.format(item.time()));
                    g.writeString(item.level().name());
                    g.writeString(item.title());
                    g.writeString(start(item.body().isEmpty() ? item.fullText() : item.body()));
                    g.writeEndArray();
                }
                g.writeEndArray();
            }));
        }
    }

    private static String start(String text) {
        if (text.codePointCount(0, text.length()) <= SNIPPET_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SNIPPET_CHARS)) + "…";
    }
}
