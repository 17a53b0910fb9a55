package telegraph.render;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import telegraph.model.DaySummary;

/**
 * The coverage report: a heat map of items per day and hour drawn as SVG at build time, and the
 * list of days that look incomplete. An archive of more than {@value #DAILY_ROWS_UP_TO} days gets
 * a row per week instead of per day, so that ten years stay a page a browser opens at once (a
 * cell per day and hour would be 87,600 of them, 10 MB); every incomplete day is still listed.
 *
 * @param width  SVG width in px
 * @param height SVG height in px
 * @param cells  one rectangle per row (day or week) and hour
 * @param labels row labels (first day of each month)
 * @param hours  column labels
 * @param flagged days with notes, latest first
 * @param weekly whether a row is a week (from Monday) rather than a day
 */
public record CoverageModel(int width, int height, List<Cell> cells, List<Label> labels, List<Label> hours,
                            List<FlaggedDay> flagged, int days, boolean weekly) {

    /** One row-hour rectangle, red where an expected hour had no items. */
    public record Cell(int x, int y, int w, int h, String fill, String title) {
    }

    public record Label(int x, int y, String text) {
    }

    public record FlaggedDay(Link day, List<String> notes) {
    }

    /** A row of the map: its first day, its label in titles, items and gaps per clock hour. */
    private record Row(LocalDate first, String name, int[] counts, boolean[] gaps) {
    }

    static final int DAILY_ROWS_UP_TO = 400;
    private static final int LABEL_WIDTH = 72;
    private static final int CELL_WIDTH = 22;
    private static final int HEADER = 18;
    /** Window order: 05:30 of the day to 05:29 of the next, by clock hour. */
    private static final int[] COLUMNS = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4};

    public static CoverageModel of(NavigableMap<LocalDate, DaySummary> days, String root) {
        boolean weekly = days.size() > DAILY_ROWS_UP_TO;
        List<Row> rows = weekly ? weeks(days) : days.values().stream().map(CoverageModel::row).toList();
        int rowHeight = rows.size() > 120 ? 6 : 14;
        List<Cell> cells = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Label> hours = new ArrayList<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            hours.add(new Label(LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2, 12, Dates.zeroPadded(COLUMNS[c], 2)));
        }
        int max = rows.stream().flatMapToInt(r -> java.util.Arrays.stream(r.counts())).max().orElse(1);
        int y = HEADER;
        int lastMonth = -1;
        for (Row row : rows) {
            if (row.first().getMonthValue() != lastMonth || rowHeight >= 14) {
                labels.add(new Label(0, y + Math.min(rowHeight, 12) - 2,
                        rowHeight >= 14 ? row.first().toString() : row.first().toString().substring(0, 7)));
                lastMonth = row.first().getMonthValue();
            }
            for (int c = 0; c < COLUMNS.length; c++) {
                int count = row.counts()[COLUMNS[c]];
                cells.add(new Cell(LABEL_WIDTH + c * CELL_WIDTH, y, CELL_WIDTH - 1, rowHeight - 1,
                        row.gaps()[COLUMNS[c]] ? "#d9534f" : shade(count, max),
                        row.name() + " " + Dates.zeroPadded(COLUMNS[c], 2) + "时：" + count + " 条"));
            }
            y += rowHeight;
        }
        List<FlaggedDay> flagged = new ArrayList<>();
        days.descendingMap().values().forEach(d -> {
            List<String> notes = Gaps.of(d.hours());
            if (!notes.isEmpty()) {
                flagged.add(new FlaggedDay(new Link(root + SitePaths.dayPage(d.date()), Dates.chinese(d.date())), notes));
            }
        });
        return new CoverageModel(LABEL_WIDTH + COLUMNS.length * CELL_WIDTH, y + 2, cells, labels, hours, flagged,
                days.size(), weekly);
    }

    private static Row row(DaySummary day) {
        int[] counts = new int[24];
        boolean[] gaps = new boolean[24];
        if (day.hours().size() == 24) {
            for (int h = 0; h < 24; h++) {
                counts[h] = day.hours().get(h);
                gaps[h] = counts[h] == 0 && Gaps.expected(h) && day.count() > 0;
            }
        }
        return new Row(day.date(), day.date().toString(), counts, gaps);
    }

    /** Rows of weeks from Monday: items summed, an hour red where it was empty on any day of the week. */
    private static List<Row> weeks(NavigableMap<LocalDate, DaySummary> days) {
        Map<LocalDate, List<Row>> byWeek = new TreeMap<>();
        days.values().forEach(d -> byWeek.computeIfAbsent(d.date().with(DayOfWeek.MONDAY), w -> new ArrayList<>()).add(row(d)));
        List<Row> weeks = new ArrayList<>();
        byWeek.forEach((monday, inWeek) -> {
            int[] counts = new int[24];
            boolean[] gaps = new boolean[24];
            for (Row day : inWeek) {
                for (int h = 0; h < 24; h++) {
                    counts[h] += day.counts()[h];
                    gaps[h] |= day.gaps()[h];
                }
            }
            weeks.add(new Row(monday, monday + " 起一周", counts, gaps));
        });
        return weeks;
    }

    /** Blue, darker for busier hours; pale grey for an hour with no items where none are expected. */
    private static String shade(int count, int max) {
        if (count == 0) {
            return "#eeeeee";
        }
        double t = Math.sqrt((double) count / max);
        int light = (int) Math.round(90 - 55 * t);
        return "hsl(214,70%," + light + "%)";
    }
}
