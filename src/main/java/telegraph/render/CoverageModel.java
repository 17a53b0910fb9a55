package telegraph.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import telegraph.site.DaySummary;

/**
 * The coverage report: a heat map of items per day and hour drawn as SVG at build time, and the
 * list of days that look incomplete.
 *
 * @param width  SVG width in px
 * @param height SVG height in px
 * @param cells  one rectangle per day and hour
 * @param labels row labels (first day of each month)
 * @param hours  column labels
 * @param flagged days with notes, latest first
 */
public record CoverageModel(int width, int height, List<Cell> cells, List<Label> labels, List<Label> hours,
                            List<FlaggedDay> flagged, int days) {

    /** One day-hour rectangle; {@code gap} marks an expected hour with no items. */
    public record Cell(int x, int y, int w, int h, String fill, String title) {
    }

    public record Label(int x, int y, String text) {
    }

    public record FlaggedDay(Link day, List<String> notes) {
    }

    private static final int LABEL_WIDTH = 72;
    private static final int CELL_WIDTH = 22;
    private static final int HEADER = 18;
    /** Window order: 05:30 of the day to 05:29 of the next, by clock hour. */
    private static final int[] COLUMNS = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4};

    public static CoverageModel of(NavigableMap<LocalDate, DaySummary> days, String root) {
        int rowHeight = days.size() > 400 ? 3 : days.size() > 120 ? 6 : 14;
        List<Cell> cells = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Label> hours = new ArrayList<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            hours.add(new Label(LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2, 12, String.format("%02d", COLUMNS[c])));
        }
        int max = days.values().stream().flatMap(d -> d.hours().stream()).mapToInt(Integer::intValue).max().orElse(1);
        int row = 0;
        int lastMonth = -1;
        for (DaySummary day : days.values()) {
            int y = HEADER + row * rowHeight;
            if (day.date().getMonthValue() != lastMonth || rowHeight >= 14) {
                labels.add(new Label(0, y + Math.min(rowHeight, 12) - 2,
                        rowHeight >= 14 ? day.date().toString() : day.date().toString().substring(0, 7)));
                lastMonth = day.date().getMonthValue();
            }
            for (int c = 0; c < COLUMNS.length; c++) {
                int count = day.hours().size() == 24 ? day.hours().get(COLUMNS[c]) : 0;
                boolean gap = count == 0 && Gaps.expected(COLUMNS[c]) && day.count() > 0;
                cells.add(new Cell(LABEL_WIDTH + c * CELL_WIDTH, y, CELL_WIDTH - 1, Math.max(1, rowHeight - 1),
                        gap ? "#d9534f" : shade(count, max),
                        day.date() + " " + String.format("%02d", COLUMNS[c]) + "时：" + count + " 条"));
            }
            row++;
        }
        List<FlaggedDay> flagged = new ArrayList<>();
        days.descendingMap().values().forEach(d -> {
            List<String> notes = Gaps.of(d.hours());
            if (!notes.isEmpty()) {
                flagged.add(new FlaggedDay(new Link(root + SitePaths.dayPage(d.date()), Dates.chinese(d.date())), notes));
            }
        });
        return new CoverageModel(LABEL_WIDTH + COLUMNS.length * CELL_WIDTH, HEADER + row * rowHeight + 2, cells, labels,
                hours, flagged, days.size());
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
