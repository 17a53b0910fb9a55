package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import telegraph.model.Channel;
import telegraph.model.Problem;

/**
 * One input file as read, whatever its layout: its items in file order and what could not be
 * read.
 *
 * @param name      the file name, used in problem reports
 * @param layout    how the file is laid out
 * @param publisher e.g. 财联社
 * @param channel   the channel (calendar-day layouts mix channels: their items carry levels)
 * @param date      the date the file names (window date or calendar date), or null when none
 * @param items     items in file order
 * @param problems  what could not be read, in line order
 */
public record DayFile(String name, Layout layout, String publisher, Channel channel, LocalDate date,
                      List<RawItem> items, List<Problem> problems) {

    /** The feed's window starts at 05:30 unless a newspaper file's window line says otherwise. */
    public static final LocalTime DEFAULT_WINDOW_START = LocalTime.of(5, 30);

    public DayFile {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    /** The window days this file has items for (its own date for a file without items). */
    public List<LocalDate> windows() {
        if (date == null) {
            return List.of();
        }
        if (!layout.calendarDay()) {
            return List.of(date);
        }
        return items.stream().map(RawItem::window).distinct().sorted().toList();
    }

    /** The window day of an exact time: before the window start it is the previous day's. */
    public static LocalDate windowOf(java.time.LocalDateTime time) {
        return time.toLocalTime().isBefore(DEFAULT_WINDOW_START) ? time.toLocalDate().minusDays(1) : time.toLocalDate();
    }
}
