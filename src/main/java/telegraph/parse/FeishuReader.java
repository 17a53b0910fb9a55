package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import telegraph.model.Channel;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Reads cls-feishu-bot's lists: {@code - [HH:MM] [text](https://www.cls.cn/detail/ID)}, newest
 * first, a calendar day named only in the file name. The text may run over several lines inside
 * the link and long items are cut short; the 🔴 section is chosen by keywords, not by CLS level,
 * so it sets no level.
 */
final class FeishuReader {

    private static final Pattern START = Pattern.compile("^\\s*- \\[(\\d{1,2}):(\\d{2})\\]\\s*(?:\\*\\*)?\\[(.*)$");
    private static final Pattern END = Pattern.compile("^(.*)\\]\\((https?://[^)\\s]*?/detail/(\\d+)[^)\\s]*)\\)(?:\\*\\*)?\\s*$");
    private static final Pattern SECTION = Pattern.compile("^(?:\\*\\*.*电报\\*\\*|━+)\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String ENDINGS = "。！？!?”」』）)】…";

    DayFile read(String name, String[] lines, List<Problem> problems) {
        LocalDate date = CalendarDates.fromName(name);
        if (date == null) {
            problems.add(new Problem(new SourceLine(name, 1), "no date: a feishu list names its day only in the file name"
                    + " (财联社电报_YYYY-MM-DD.md)", ""));
            return new DayFile(name, Layout.FEISHU, "财联社", Channel.GENERAL, null, List.of(), problems);
        }
        List<RawItem> items = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = TextCleaner.stripInvisible(lines[i]);
            Matcher start = START.matcher(line);
            if (line.isBlank() || SECTION.matcher(line.strip()).matches()) {
                i++;
                continue;
            }
            if (!start.matches()) {
                problems.add(new Problem(new SourceLine(name, i + 1), "not an item: expected '- [HH:MM] [text](link)'",
                        Problem.clip(TextCleaner.clean(line.strip()))));
                i++;
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder();
            String rest = start.group(3);
            Matcher end = END.matcher(rest);
            while (!end.matches() && i + 1 < lines.length && !START.matcher(lines[i + 1]).matches()) {
                text.append(rest.strip()).append(' ');
                rest = TextCleaner.stripInvisible(lines[++i]);
                end = END.matcher(rest);
            }
            i++;
            SourceLine where = new SourceLine(name, first + 1);
            if (!end.matches()) {
                problems.add(new Problem(where, "item link not closed: expected '](https://www.cls.cn/detail/ID)'",
                        Problem.clip(TextCleaner.clean(text + rest))));
                continue;
            }
            text.append(end.group(1).strip());
            item(where, date, start, SPACES.matcher(text).replaceAll(" ").strip(), end, items, problems);
        }
        return new DayFile(name, Layout.FEISHU, "财联社", Channel.GENERAL, date, items, problems);
    }

    private static void item(SourceLine where, LocalDate date, Matcher start, String text, Matcher end,
                             List<RawItem> items, List<Problem> problems) {
        int hour = Integer.parseInt(start.group(1));
        int minute = Integer.parseInt(start.group(2));
        if (hour > 23 || minute > 59 || text.isEmpty()) {
            problems.add(new Problem(where, text.isEmpty() ? "item has no text" : "time out of range", Problem.clip(text)));
            return;
        }
        LocalDateTime time = LocalDateTime.of(date, LocalTime.of(hour, minute));
        boolean cut = ENDINGS.indexOf(text.charAt(text.length() - 1)) < 0;
        items.add(new RawItem(where, DayFile.windowOf(time), time, text,
                new Extras(end.group(3), null, List.of(), end.group(2), false, cut)));
    }
}
