package telegraph.search;

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

    static void write(String month, List<Item> items, SearchFiles files) {
        StringBuilder meta = new StringBuilder(items.size());
        for (Item item : items) {
            meta.append(META_SYMBOLS.charAt((item.windowDate().getDayOfMonth() - 1) * 2 + (item.isMajor() ? 1 : 0)));
        }
        files.writeJson(SearchFiles.metaKey(month), g -> g.writeString(meta.toString()));
        for (int chunk = 0; chunk * CHUNK < items.size(); chunk++) {
            List<Item> part = items.subList(chunk * CHUNK, Math.min(items.size(), (chunk + 1) * CHUNK));
            files.write(SearchFiles.textKey(month, chunk), b -> {
                for (int i = 0; i < part.size(); i++) {
                    Item item = part.get(i);
                    b.put(i == 0 ? '[' : ',').put('[').string(item.id()).put(',').string(item.windowDate().toString()).put(',')
                            .string(CLOCK.format(item.time())).put(',').string(item.level().name()).put(',')
                            .string(item.title()).put(',').string(item.body()).put(',')
                            .string(SearchText.rest(item)).put(']');
                }
                b.put(']');
            });
        }
    }
}
