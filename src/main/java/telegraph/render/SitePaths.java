package telegraph.render;

import java.time.LocalDate;
import java.time.YearMonth;

/** Where each page kind lives in the output folder, relative to its root. */
public final class SitePaths {

    private SitePaths() {
    }

    public static String dayPage(LocalDate date) {
        return Dates.zeroPadded(date.getYear(), 4) + "/" + Dates.zeroPadded(date.getMonthValue(), 2) + "/" + date + ".html";
    }

    public static String monthPage(YearMonth month) {
        return Dates.zeroPadded(month.getYear(), 4) + "/" + Dates.zeroPadded(month.getMonthValue(), 2) + "/index.html";
    }

    /** The folder of the JSON export. */
    public static final String DATA = "data/";

    /** The list of the export's months, days and chunks. */
    public static String dataIndex() {
        return DATA + "index.json";
    }

    /** The prefix that leads from a page at {@code path} back to the site root: "../../" etc. */
    public static String rootFrom(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
