package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import telegraph.model.Channel;
import telegraph.model.Problem;

/**
 * One day file as read: its heading and its item lines in file order.
 *
 * @param name        the file name, used in problem reports
 * @param publisher   e.g. 财联社
 * @param channel     the channel from the heading
 * @param date        the window date, or null when the file has none that could be read
 * @param windowStart the clock time the window starts at (05:30)
 * @param items       item lines in file (fetch) order
 * @param problems    what could not be read, in line order
 */
public record DayFile(String name, String publisher, Channel channel, LocalDate date,
                      LocalTime windowStart, List<RawItem> items, List<Problem> problems) {

    /** The feed's window starts at 05:30 unless the window line says otherwise. */
    public static final LocalTime DEFAULT_WINDOW_START = LocalTime.of(5, 30);

    public DayFile {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public boolean hasDate() {
        return date != null;
    }
}
