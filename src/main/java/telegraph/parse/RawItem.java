package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import telegraph.model.SourceLine;

/**
 * An item as read from a source file, before it is split into parts and merged with the same
 * item from other sources.
 *
 * @param where  file and line
 * @param window the window day (05:30 to 05:30) it belongs to
 * @param time   exact local time in Beijing
 * @param text   the text as the file holds it
 * @param extras fields only some layouts carry
 */
public record RawItem(SourceLine where, LocalDate window, LocalDateTime time, String text, Extras extras) {
}
