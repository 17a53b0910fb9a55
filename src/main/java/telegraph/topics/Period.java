package telegraph.topics;

import java.time.YearMonth;
import java.util.Comparator;

/**
 * What one page of a big topic's items covers: a year, or one month of a year with too many
 * items for one page.
 *
 * @param month 1 to 12, or 0 for the whole year
 */
record Period(int year, int month) implements Comparable<Period> {

    private static final Comparator<Period> ORDER = Comparator.comparingInt(Period::year).thenComparingInt(Period::month);

    static Period of(int year) {
        return new Period(year, 0);
    }

    static Period of(YearMonth month) {
        return new Period(month.getYear(), month.getMonthValue());
    }

    boolean wholeYear() {
        return month == 0;
    }

    /** The part of the page's file name after the topic's slug: {@code 2026} or {@code 2026-01}. */
    String key() {
        return wholeYear() ? String.valueOf(year) : YearMonth.of(year, month).toString();
    }

    String label() {
        return wholeYear() ? year + "年" : year + "年" + month + "月";
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }
}
