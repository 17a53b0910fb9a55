package telegraph.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    static void write(String month, MonthIndex index, SearchFiles files) {
        List<Item> items = index.items();
        StringBuilder meta = new StringBuilder(items.size());
        for (Item item : items) {
            meta.append(META_SYMBOLS.charAt((item.windowDate().getDayOfMonth() - 1) * 2 + (item.isMajor() ? 1 : 0)));
        }
        files.writeJson(SearchFiles.metaKey(month), g -> g.writeString(meta.toString()));
        // a month's items share 31 dates and 1,440 clock times: each is formatted once
        Map<LocalDate, String> dates = new HashMap<>();
        String[] clocks = new String[24 * 60];
        for (int chunk = 0; chunk * CHUNK < items.size(); chunk++) {
            int from = chunk * CHUNK;
            int to = Math.min(items.size(), from + CHUNK);
            files.write(SearchFiles.textKey(month, chunk), b -> {
                for (int ref = from; ref < to; ref++) {
                    Item item = items.get(ref);
                    String date = dates.computeIfAbsent(item.windowDate(), LocalDate::toString);
                    int minute = item.time().getHour() * 60 + item.time().getMinute();
                    if (clocks[minute] == null) {
                        clocks[minute] = CLOCK.format(item.time());
                    }
                    b.put(ref == from ? '[' : ',').put('[').string(item.id()).put(',').string(date).put(',')
                            .string(clocks[minute]).put(',').string(item.level().name()).put(',')
                            .string(item.title()).put(',').string(item.body()).put(',')
                            .string(index.rest(ref)).put(']');
                }
                b.put(']');
            });
        }
    }
}
