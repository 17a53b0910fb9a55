package telegraph.render;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import telegraph.model.Day;
import telegraph.model.Item;

/** What the day template receives. */
public record DayPageModel(String date, String heading, String monthDay, String weekday, String window, int count, long majorCount,
                           List<ItemView> items, List<Link> hours, Link prev, Link next, Link month,
                           String dataHref, List<ProblemView> problems, List<String> files, List<String> gaps) {

    public static DayPageModel of(Day day, LocalDate prev, LocalDate next, String root, ItemLinks links) {
        Map<String, String> clocks = new java.util.HashMap<>();
        day.items().forEach(i -> clocks.put(i.id(), Dates.clock(i.time().getHour(), i.time().getMinute())));
        List<ItemView> items = day.items().stream()
                .map(i -> ItemView.of(i, links.links(i, root), id -> clocks.getOrDefault(id, id))).toList();
        LocalDate date = day.date();
        return new DayPageModel(date.toString(), Dates.chinese(date), Dates.monthDay(date),
                date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE),
                Dates.monthDay(date) + " 05:30 — " + Dates.monthDay(date.plusDays(1)) + " 05:30",
                items.size(), day.majorCount(), items, hourLinks(day.items()),
                dayLink(prev, root), dayLink(next, root),
                new Link(root + SitePaths.monthPage(java.time.YearMonth.from(date)), Dates.yearMonth(date)),
                root + SitePaths.dataIndex(), day.problems().stream().map(ProblemView::of).toList(), day.files(),
                Gaps.of(hourCounts(day.items())));
    }

    private static Link dayLink(LocalDate date, String root) {
        return date == null ? null : new Link(root + SitePaths.dayPage(date), Dates.monthDay(date));
    }

    /** Items per clock hour, 00 to 23. */
    public static List<Integer> hourCounts(List<Item> items) {
        int[] hours = new int[24];
        items.forEach(i -> hours[i.time().getHour()]++);
        return java.util.Arrays.stream(hours).boxed().toList();
    }

    /** The first item of each hour, in window order, for the jump-to-time bar. */
    private static List<Link> hourLinks(List<Item> items) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Item item : items) {
            int hour = item.time().getHour();
            first.putIfAbsent((hour < 10 ? "0" : "") + hour, "#" + item.id());
        }
        List<Link> links = new ArrayList<>();
        first.forEach((hour, anchor) -> links.add(new Link(anchor, hour)));
        return links;
    }
}
