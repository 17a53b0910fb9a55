package telegraph.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything read for one window day (05:30 to 05:30 the next calendar day).
 *
 * @param date     the window date
 * @param items    items of all channels, in time order, each once
 * @param problems lines of this day's files that could not be read, kept as text
 * @param files    names of the input files the day was read from
 * @param duplicates what was folded together, by kind
 */
public record Day(LocalDate date, List<Item> items, List<Problem> problems, List<String> files,
                  DuplicateCounts duplicates) {
    public Day {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
        files = List.copyOf(files);
    }

    public long majorCount() {
        return items.stream().filter(Item::isMajor).count();
    }
}
