package telegraph.parse;

import java.time.LocalTime;
import telegraph.model.SourceLine;

/** An item line as read from a day file, before it is split into parts. */
public record RawItem(SourceLine where, LocalTime clock, String text) {
}
