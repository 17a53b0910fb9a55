package telegraph.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import telegraph.model.Item;

/**
 * What results are shown with and checked against, kept out of the shards: per month, chunk
 * {@code d-N} holds the items of refs {@code N*CHUNK} to {@code N*CHUNK+CHUNK-1}, each as
 * {@code [id, window date, time, level, title, body, rest]} where
 * {@code title + "\n" + body + "\n" + rest} is exactly the text the index was built from
 * ({@link SearchText}). The page checks every candidate the index gives against this text (so a
 * result holds each term as written), filters by its date and level, scores it and cuts its
 * snippet from it. Chunks of a few hundred items: large enough that a month is a few dozen
 * files, small enough that the first page of a common word reads one or two of them.
 */
final class TextStore {

    static final int CHUNK = 256;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private TextStore() {
    }

    static void write(String month, MonthIndex index, SearchFiles files) {
        List<Item> items = index.items();
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
