package telegraph.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates in file names, for layouts whose content does not state the day. */
final class CalendarDates {

    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private CalendarDates() {
    }

    /** The last YYYY-MM-DD in a name, or null. */
    static LocalDate fromName(String name) {
        Matcher m = DATE.matcher(name);
        LocalDate found = null;
        while (m.find()) {
            LocalDate date = parse(m.group(1));
            found = date == null ? found : date;
        }
        return found;
    }

    static LocalDate parse(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
