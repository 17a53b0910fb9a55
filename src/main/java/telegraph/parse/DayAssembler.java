package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import telegraph.model.Channel;
import telegraph.model.Day;
import telegraph.model.DuplicateCounts;
import telegraph.model.Item;
import telegraph.model.Level;
import telegraph.model.Problem;
import telegraph.model.Version;

/**
 * Joins every source of one window day into a {@link Day}: the same item from two channels or
 * two archives is one item (matched by CLS id, else by minute and text, a cut-short text
 * matching the fuller one) keeping the richest fields; items re-posted under the same title are
 * one item with earlier versions; near-duplicates are linked. Nothing read is dropped.
 */
public final class DayAssembler {

    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    /** Newspaper files first (their texts define ids), then the richer archives, then cut-short lists. */
    private static final Comparator<DayFile> FILE_ORDER = Comparator.comparing(DayFile::layout)
            .thenComparing(DayFile::channel).thenComparing(DayFile::name);

    private final ItemTextParser textParser = new ItemTextParser();

    public Day assemble(LocalDate date, List<DayFile> files) {
        List<DayFile> ordered = files.stream().sorted(FILE_ORDER).toList();
        List<Draft> drafts = new ArrayList<>();
        Map<String, Draft> byClsId = new HashMap<>();
        Map<Long, List<Draft>> byMinute = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        int bothChannels = 0;
        int crossSource = 0;
        for (DayFile file : ordered) {
            problems.addAll(file.problems().stream().filter(p -> belongsHere(p, file, date)).toList());
            for (RawItem raw : file.items()) {
                if (!raw.window().equals(date)) {
                    continue;
                }
                ItemParts parts = textParser.parse(raw.text());
                Level level = level(file, raw, parts);
                Channel channel = level.isMajor() ? Channel.MAJOR : Channel.GENERAL;
                Draft same = find(file, raw, parts, byClsId, byMinute);
                if (same == null) {
                    Draft draft = new Draft(file, raw, parts, level, channel);
                    drafts.add(draft);
                    byMinute.computeIfAbsent(minute(raw.time()), m -> new ArrayList<>()).add(draft);
                    if (!draft.clsId.isEmpty()) {
                        byClsId.put(draft.clsId, draft);
                    }
                } else {
                    if (same.layouts.contains(file.layout())) {
                        bothChannels++;
                    } else {
                        crossSource++;
                    }
                    same.merge(file, raw, parts, level, channel);
                    if (!same.clsId.isEmpty()) {
                        byClsId.putIfAbsent(same.clsId, same);
                    }
                }
            }
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.time));
        List<Item> items = ItemVersions.fold(withIds(drafts, date));
        int reposts = drafts.size() - items.size();
        List<Item> linked = NearDuplicates.link(items);
        int similar = (int) linked.stream().filter(i -> !i.related().isEmpty()).count();
        List<String> names = ordered.stream().map(DayFile::name).toList();
        return new Day(date, linked, problems, names, new DuplicateCounts(bothChannels, crossSource, reposts, similar));
    }

    /** A calendar-day file's problems are reported on the day of their line's items: its later one. */
    private static boolean belongsHere(Problem problem, DayFile file, LocalDate date) {
        List<LocalDate> windows = file.windows();
        return windows.isEmpty() || date.equals(windows.get(windows.size() - 1));
    }

    private static Level level(DayFile file, RawItem raw, ItemParts parts) {
        if (raw.extras().level() != null) {
            return raw.extras().level();
        }
        if (file.layout() != Layout.NEWSPAPER) {
            return Level.C;
        }
        return file.channel() == Channel.GENERAL ? Level.C : parts.red() ? Level.A : Level.B;
    }

    /** The draft this item is another copy of: the same CLS id, or from another file the same minute and text. */
    private static Draft find(DayFile file, RawItem raw, ItemParts parts, Map<String, Draft> byClsId,
                              Map<Long, List<Draft>> byMinute) {
        String clsId = raw.extras().clsId();
        Draft byId = clsId.isEmpty() ? null : byClsId.get(clsId);
        if (byId != null) {
            return byId;
        }
        String key = ItemKeys.comparable(parts.text());
        long minute = minute(raw.time());
        for (long m = minute - 1; m <= minute + 1; m++) {
            for (Draft d : byMinute.getOrDefault(m, List.of())) {
                boolean idsDiffer = !clsId.isEmpty() && !d.clsId.isEmpty() && !clsId.equals(d.clsId);
                // Within one archive two texts are two items; across archives a cut-short copy matches.
                boolean same = d.layouts.contains(file.layout()) ? d.key.equals(key) : ItemKeys.sameItem(d.key, key);
                if (!d.files.contains(file.name()) && !idsDiffer && same) {
                    return d;
                }
            }
        }
        return null;
    }

    private static long minute(LocalDateTime time) {
        return time.toEpochSecond(BEIJING) / 60;
    }

    /**
     * Stable ids: the minute plus a hash of the kept text; the same text twice in the same minute
     * gets -2, -3… in time and file order, which appending to a file keeps.
     */
    private static List<Item> withIds(List<Draft> drafts, LocalDate date) {
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            OffsetDateTime time = OffsetDateTime.of(d.time, BEIJING);
            OffsetDateTime minute = time.truncatedTo(ChronoUnit.MINUTES);
            String text = d.parts.text();
            int occurrence = occurrences.merge(minute + "\n" + text, 1, Integer::sum);
            items.add(new Item(ItemIds.of(minute, text, occurrence), date, time, d.channels, d.level,
                    d.parts.title(), d.parts.dateline(), d.parts.body(), d.parts.source(), d.parts.stocks(),
                    d.kept.text(), d.kept.where(), d.sources, d.clsId, d.url, d.subjects, d.exactSeconds,
                    d.truncated(), List.<Version>of(), List.of()));
        }
        return items;
    }
}
