package telegraph.site;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which files make up which window day, from the headings of the input files, so that the whole
 * archive's calendar (and every page's previous/next links) is known before any day is parsed.
 */
public final class DayPlan {

    private final NavigableMap<LocalDate, List<InputFile>> days;

    private DayPlan(NavigableMap<LocalDate, List<InputFile>> days) {
        this.days = days;
    }

    static DayPlan of(List<InputFile> files, Map<String, Manifest.FileState> states) {
        NavigableMap<LocalDate, List<InputFile>> days = new TreeMap<>();
        for (InputFile file : files) {
            for (String date : states.get(file.name()).windows()) {
                days.computeIfAbsent(LocalDate.parse(date), d -> new ArrayList<>()).add(file);
            }
        }
        return new DayPlan(days);
    }

    public NavigableMap<LocalDate, List<InputFile>> days() {
        return days;
    }

    public NavigableMap<YearMonth, List<LocalDate>> months() {
        NavigableMap<YearMonth, List<LocalDate>> months = new TreeMap<>();
        for (LocalDate date : days.keySet()) {
            months.computeIfAbsent(YearMonth.from(date), m -> new ArrayList<>()).add(date);
        }
        return months;
    }

    public LocalDate previous(LocalDate date) {
        return days.lowerKey(date);
    }

    public LocalDate next(LocalDate date) {
        return days.higherKey(date);
    }
}
