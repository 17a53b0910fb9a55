package telegraph.render;

import java.time.LocalDate;
import java.time.YearMonth;

/** Where each page kind lives in the output folder, relative to its root. */
public final class SitePaths {

    private SitePaths() {
    }

    public static String dayPage(LocalDate date) {
        return String.format("%04d/%02d/%s.html", date.getYear(), date.getMonthValue(), date);
    }

    public static String monthPage(YearMonth month) {
        return String.format("%04d/%02d/index.html", month.getYear(), month.getMonthValue());
    }

    public static String dayData(LocalDate date) {
        return String.format("data/%04d/%02d/%s.json", date.getYear(), date.getMonthValue(), date);
    }

    /** The prefix that leads from a page at {@code path} back to the site root: "../../" etc. */
    public static String rootFrom(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
