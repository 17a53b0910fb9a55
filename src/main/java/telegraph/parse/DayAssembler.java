package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import telegraph.model.Channel;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.model.Level;
import telegraph.model.Problem;

/**
 * Joins the files of one window day into a {@link Day}: items of both channels in time order,
 * an item found in both channels kept once (as major), each with its stable id.
 */
public final class DayAssembler {

    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private static final Comparator<DayFile> FILE_ORDER =
            Comparator.comparing(DayFile::channel).thenComparing(DayFile::name);

    private final ItemTextParser textParser = new ItemTextParser();

    public Day assemble(LocalDate date, List<DayFile> files) {
        List<DayFile> ordered = files.stream().sorted(FILE_ORDER).toList();
        Map<String, Draft> byKey = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (DayFile file : ordered) {
            problems.addAll(file.problems());
            Map<String, Integer> occurrences = new HashMap<>();
            for (RawItem raw : file.items()) {
                ItemParts parts = textParser.parse(raw.text());
                OffsetDateTime time = exactTime(date, file.windowStart(), raw.clock());
                String text = parts.text();
                int occurrence = occurrences.merge(time + "\n" + text, 1, Integer::sum);
                String id = ItemIds.of(time, text, occurrence);
                Level level = file.channel() == Channel.GENERAL ? Level.C : parts.red() ? Level.A : Level.B;
                Draft draft = byKey.get(id);
                if (draft == null) {
                    byKey.put(id, new Draft(id, time, raw, parts, level, EnumSet.of(file.channel())));
                } else {
                    draft.channels.add(file.channel());
                    draft.level = draft.level.max(level);
                }
            }
        }
        List<Item> items = byKey.values().stream()
                .sorted(Comparator.comparing((Draft d) -> d.time))
                .map(d -> d.toItem(date))
                .toList();
        List<String> names = ordered.stream().map(DayFile::name).toList();
        return new Day(date, items, problems, names);
    }

    /** Clock times before the window start belong to the next calendar day. */
    static OffsetDateTime exactTime(LocalDate windowDate, LocalTime windowStart, LocalTime clock) {
        LocalDate calendarDate = clock.isBefore(windowStart) ? windowDate.plusDays(1) : windowDate;
        return OffsetDateTime.of(LocalDateTime.of(calendarDate, clock), BEIJING);
    }

    private static final class Draft {
        final String id;
        final OffsetDateTime time;
        final RawItem raw;
        final ItemParts parts;
        final Set<Channel> channels;
        Level level;

        Draft(String id, OffsetDateTime time, RawItem raw, ItemParts parts, Level level, Set<Channel> channels) {
            this.id = id;
            this.time = time;
            this.raw = raw;
            this.parts = parts;
            this.level = level;
            this.channels = channels;
        }

        Item toItem(LocalDate windowDate) {
            return new Item(id, windowDate, time, channels, level, parts.title(), parts.dateline(),
                    parts.body(), parts.source(), parts.stocks(), raw.text(), raw.where());
        }
    }
}
