package telegraph.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;

/**
 * Which files make up which window day, found by reading only the head of each file, so that
 * the whole archive's calendar (and every page's previous/next links) is known before any
 * day is parsed in full.
 */
public final class DayPlan {

    private static final int HEAD_BYTES = 4096;

    private final NavigableMap<LocalDate, List<InputFile>> days;
    private final List<InputFile> undated;

    private DayPlan(NavigableMap<LocalDate, List<InputFile>> days, List<InputFile> undated) {
        this.days = days;
        this.undated = undated;
    }

    public static DayPlan of(List<InputFile> files) {
        DayFileReader reader = new DayFileReader();
        NavigableMap<LocalDate, List<InputFile>> days = new TreeMap<>();
        List<InputFile> undated = new ArrayList<>();
        for (InputFile file : files) {
            LocalDate date = sniffDate(reader, file);
            if (date == null) {
                undated.add(file);
            } else {
                days.computeIfAbsent(date, d -> new ArrayList<>()).add(file);
            }
        }
        return new DayPlan(days, undated);
    }

    private static LocalDate sniffDate(DayFileReader reader, InputFile file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file.path())) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return null;
        }
        int cut = head.length;
        if (head.length == HEAD_BYTES) {
            while (cut > 0 && head[cut - 1] != '\n') {
                cut--;
            }
        }
        DayFile sniffed = reader.read(file.name(), java.util.Arrays.copyOf(head, cut));
        return sniffed.date();
    }

    public NavigableMap<LocalDate, List<InputFile>> days() {
        return days;
    }

    /** Files whose heading names no day: read in full only to report why. */
    public List<InputFile> undated() {
        return undated;
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
