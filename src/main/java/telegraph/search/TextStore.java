package telegraph.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import telegraph.model.Item;

/**
 * What results are shown with and checked against, kept out of the shards: per month, chunk
 * {@code d-N} holds consecutive refs, each as {@code [id, window date, time, level, title, body,
 * rest]} where {@code title + "\n" + body + "\n" + rest} is exactly the text the index was built
 * from ({@link SearchText}). The page checks every candidate the index gives against this text (so
 * a result holds each term as written), filters by its level, scores it and cuts its snippet from it.
 *
 * <p>A chunk ends once its deflated bytes pass {@link #TARGET}, checked every {@link #GROUP}
 * items: the first page of a query whose hits are spread reads about one chunk per hit, so chunks
 * are kept small in bytes, while text that deflates well (many similar items) takes fewer files.
 * The manifest lists each chunk's first ref.
 */
final class TextStore {

    /** Deflated bytes after which a chunk ends (about 40 kB once in base64). */
    static final int TARGET = 30_000;
    /** Items between two checks of a chunk's size. */
    static final int GROUP = 16;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final String month;
    private final MonthIndex index;
    private final SearchFiles files;
    private final Deflater deflater = new Deflater(SearchFiles.LEVEL);
    private final ByteBuf packed = new ByteBuf(TARGET * 2);
    private final ByteBuf row = new ByteBuf(1 << 12);
    private final byte[] out = new byte[1 << 14];
    private final List<Integer> starts = new ArrayList<>();
    // a month's items share 31 dates and 1,440 clock times: each is formatted once
    private final Map<LocalDate, String> dates = new HashMap<>();
    private final String[] clocks = new String[24 * 60];

    private TextStore(String month, MonthIndex index, SearchFiles files) {
        this.month = month;
        this.index = index;
        this.files = files;
    }

    /** Writes the month's chunks; returns the first ref of each. */
    static List<Integer> write(String month, MonthIndex index, SearchFiles files) {
        TextStore store = new TextStore(month, index, files);
        try {
            store.writeAll();
        } finally {
            store.deflater.end();
        }
        return store.starts;
    }

    private void writeAll() {
        List<Item> items = index.items();
        int from = 0;
        for (int ref = 0; ref < items.size(); ref++) {
            row.clear();
            row.put(ref == from ? '[' : ',');
            writeRow(items.get(ref), ref);
            feed();
            boolean last = ref == items.size() - 1;
            if (!last && (ref - from + 1) % GROUP == 0) {
                drain(Deflater.SYNC_FLUSH);
            }
            if (last || (ref - from + 1) % GROUP == 0 && packed.size() >= TARGET) {
                row.clear();
                row.put(']');
                feed();
                deflater.finish();
                while (!deflater.finished()) {
                    packed.write(out, 0, deflater.deflate(out));
                }
                files.writePacked(SearchFiles.textKey(month, starts.size()), packed);
                starts.add(from);
                deflater.reset();
                packed.clear();
                from = ref + 1;
            }
        }
    }

    private void writeRow(Item item, int ref) {
        String date = dates.computeIfAbsent(item.windowDate(), LocalDate::toString);
        int minute = item.time().getHour() * 60 + item.time().getMinute();
        if (clocks[minute] == null) {
            clocks[minute] = CLOCK.format(item.time());
        }
        row.put('[').string(item.id()).put(',').string(date).put(',').string(clocks[minute]).put(',')
                .string(item.level().name()).put(',').string(item.title()).put(',').string(item.body()).put(',')
                .string(index.rest(ref)).put(']');
    }

    /** Deflates what {@code row} holds. */
    private void feed() {
        deflater.setInput(row.array(), 0, row.size());
        while (!deflater.needsInput()) {
            packed.write(out, 0, deflater.deflate(out, 0, out.length, Deflater.NO_FLUSH));
        }
    }

    private void drain(int mode) {
        int n;
        do {
            n = deflater.deflate(out, 0, out.length, mode);
            packed.write(out, 0, n);
        } while (n == out.length);
    }
}
