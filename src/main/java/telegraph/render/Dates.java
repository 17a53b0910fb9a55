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

    /** A value of 0 or more as {@code %0Nd} writes it: paths and clocks are made per item, and a format string is parsed per call. */
    public static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** {@code HH:MM}. */
    public static String clock(int hour, int minute) {
        return zeroPadded(hour, 2) + ":" + zeroPadded(minute, 2);
    }
}
