package telegraph.render;

import java.time.LocalDate;

/** Chinese date labels. */
public final class Dates {

    private Dates() {
    }

    public static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    public static String monthDay(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    public static String yearMonth(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月";
    }
}
