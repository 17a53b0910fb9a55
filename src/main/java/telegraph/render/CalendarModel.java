package telegraph.render;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import telegraph.model.DaySummary;

/** Month grids (weeks from Monday) of day cells with counts, for the home and month pages. */
public final class CalendarModel {

    /** One cell of a month grid; {@code day == 0} is an empty cell before the 1st or after the last. */
    public record DayCell(int day, int count, long major, String href, int heat) {
    }

    public record MonthView(String label, String href, int total, int days, List<List<DayCell>> weeks) {
    }

    public record YearView(int year, int total, List<MonthView> months) {
    }

    private CalendarModel() {
    }

    /** Years and months, latest first. */
    public static List<YearView> years(Map<LocalDate, DaySummary> days, String root) {
        NavigableMap<Integer, List<MonthView>> byYear = new TreeMap<>(Comparator.reverseOrder());
        byMonth(days).descendingMap().forEach((month, summaries) ->
                byYear.computeIfAbsent(month.getYear(), y -> new ArrayList<>()).add(month(month, summaries, root)));
        List<YearView> years = new ArrayList<>();
        byYear.forEach((year, months) ->
                years.add(new YearView(year, months.stream().mapToInt(MonthView::total).sum(), months)));
        return years;
    }

    public static NavigableMap<YearMonth, NavigableMap<LocalDate, DaySummary>> byMonth(Map<LocalDate, DaySummary> days) {
        return days.values().stream().collect(Collectors.groupingBy(d -> YearMonth.from(d.date()), TreeMap::new,
                Collectors.toMap(DaySummary::date, d -> d, (a, b) -> a, () -> (NavigableMap<LocalDate, DaySummary>) new TreeMap<LocalDate, DaySummary>())));
    }

    public static MonthView month(YearMonth month, Map<LocalDate, DaySummary> days, String root) {
        int max = days.values().stream().mapToInt(DaySummary::count).max().orElse(0);
        List<List<DayCell>> weeks = new ArrayList<>();
        List<DayCell> week = new ArrayList<>();
        int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < lead; i++) {
            week.add(new DayCell(0, 0, 0, null, 0));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            DaySummary summary = days.get(date);
            week.add(summary == null
                    ? new DayCell(d, 0, 0, null, 0)
                    : new DayCell(d, summary.count(), summary.majorCount(), root + SitePaths.dayPage(date),
                            heat(summary.count(), max)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new DayCell(0, 0, 0, null, 0));
            }
            weeks.add(week);
        }
        int total = days.values().stream().mapToInt(DaySummary::count).sum();
        return new MonthView(month.getYear() + "年" + month.getMonthValue() + "月", root + SitePaths.monthPage(month),
                total, days.size(), weeks);
    }

    /** 1 to 4: how busy a day was compared with the busiest day of its month. */
    private static int heat(int count, int max) {
        if (count == 0 || max == 0) {
            return 0;
        }
        return Math.min(4, 1 + (int) (4.0 * count / (max + 1)));
    }
}
