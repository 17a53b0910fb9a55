package telegraph.site;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import telegraph.model.Day;

/**
 * Days parsed by earlier builds of a long-running command ({@code watch}, {@code serve}), each
 * under the names and SHA-256 hashes of the files it was parsed from (the bytes, not their time:
 * the same bytes parse to the same day). A rebuild after the open day's file grew then parses that
 * file only, not the other days of its month, which the month's outputs (export, search, topics)
 * need as well. Bounded by items, newest days kept: the feed changes the open day and starts the
 * next one (whose previous day and month are then needed too); an edit of an old month parses
 * that month again, as a one-shot build does. A one-shot build gets {@link #none()}.
 */
public final class DayCache {

    /**
     * About two months of the real feed (~470 items a day): the open month and the one before.
     * Parsed days hold about 1.3 kB of heap an item (measured on the 25 real days), so this is
     * about 45 MB, which a ten-year build within {@code -Xmx1g} can spare.
     */
    public static final int RECENT_ITEMS = 32_000;

    private record Entry(List<String> files, List<String> sha256s, Day day) {
    }

    private final int maxItems;
    private final NavigableMap<LocalDate, Entry> entries = new TreeMap<>();
    private long items;

    private DayCache(int maxItems) {
        this.maxItems = maxItems;
    }

    /** Keeps the newest days parsed, up to {@code maxItems} items in all. */
    public static DayCache ofRecent(int maxItems) {
        return new DayCache(maxItems);
    }

    /** Keeps nothing: what a one-shot build uses. */
    public static DayCache none() {
        return new DayCache(0);
    }

    /** The day as parsed from exactly these files with these hashes, or null. */
    synchronized Day get(LocalDate date, List<String> files, List<String> sha256s) {
        Entry entry = entries.get(date);
        return entry != null && entry.files().equals(files) && entry.sha256s().equals(sha256s) ? entry.day() : null;
    }

    /**
     * Keeps the day parsed from these files with these hashes; a day with a file that could not be
     * read (no hash) is not kept, since the next attempt may read it.
     */
    synchronized void put(Day day, List<String> files, List<String> sha256s) {
        if (maxItems == 0 || sha256s.stream().anyMatch(h -> h.isEmpty() || h.equals(InputStates.UNREAD))) {
            return;
        }
        Entry old = entries.put(day.date(), new Entry(List.copyOf(files), List.copyOf(sha256s), day));
        items += day.items().size() - (old == null ? 0 : old.day().items().size());
        while (items > maxItems && !entries.isEmpty()) {
            items -= entries.pollFirstEntry().getValue().day().items().size();
        }
    }

    /** Days kept now. */
    synchronized int size() {
        return entries.size();
    }
}
