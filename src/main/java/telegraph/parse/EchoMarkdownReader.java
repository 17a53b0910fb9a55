package telegraph.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import telegraph.model.Channel;
import telegraph.model.Level;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Reads cls-echo-stacker's markdown: a calendar day ({@code # 财联社快讯归档 2026-05-14}) of items
 * {@code ## HH:MM:SS｜title}, each with {@code id}, {@code level}, {@code subjects}, {@code url}
 * fields and its content paragraphs.
 */
final class EchoMarkdownReader {

    private static final Pattern HEADING = Pattern.compile("^#\\s*财联社快讯归档\\s*(\\d{4}-\\d{2}-\\d{2}).*");
    private static final Pattern COUNT = Pattern.compile("^-\\s*item_count:\\s*(\\d+)\\s*$");
    private static final Pattern ITEM = Pattern.compile("^##\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s*[｜|]\\s*(.*)$");
    /** Any {@code - key: value} line of the field list under an item's heading (id, level, stocks, subjects, url…). */
    private static final Pattern FIELD = Pattern.compile("^-\\s*([a-z_]+):\\s*(.*)$");
    private static final String NO_TITLE = "无标题";

    DayFile read(String name, String[] lines, List<Problem> problems) {
        LocalDate date = null;
        Integer declared = null;
        List<RawItem> items = new ArrayList<>();
        int i = 0;
        for (; i < lines.length && !lines[i].startsWith("## "); i++) {
            String line = TextCleaner.stripInvisible(lines[i]).strip();
            Matcher h = HEADING.matcher(line);
            Matcher c = COUNT.matcher(line);
            if (h.matches()) {
                date = CalendarDates.parse(h.group(1));
            } else if (c.matches()) {
                declared = Integer.parseInt(c.group(1));
            }
        }
        if (date == null) {
            date = CalendarDates.fromName(name);
            problems.add(new Problem(new SourceLine(name, 1), "no date in the heading '# 财联社快讯归档 YYYY-MM-DD'"
                    + (date == null ? "; its items are listed here" : "; date taken from the file name"), ""));
        }
        while (i < lines.length) {
            int start = i;
            int end = i + 1;
            while (end < lines.length && !lines[end].startsWith("## ")) {
                end++;
            }
            String[] block = Arrays.copyOfRange(lines, start, end);
            if (date == null) {
                // no day to show it on: the item's text is kept with the problems
                problems.add(new Problem(new SourceLine(name, start + 1), "item of a file with no date",
                        Problem.clip(TextCleaner.cleanLines(String.join("\n", block).strip()))));
            } else {
                readItem(name, date, start, block, items, problems);
            }
            i = end;
        }
        if (date == null) {
            return new DayFile(name, Layout.ECHO_MARKDOWN, "财联社", Channel.GENERAL, null, List.of(), problems);
        }
        if (declared != null && declared != items.size()) {
            problems.add(new Problem(new SourceLine(name, 3), "heading counts " + declared + " items, the file has "
                    + items.size() + (items.size() < declared ? " (cut short?)" : ""), ""));
        }
        return new DayFile(name, Layout.ECHO_MARKDOWN, "财联社", Channel.GENERAL, date, items, problems);
    }

    private static void readItem(String name, LocalDate date, int start, String[] block, List<RawItem> items,
                                 List<Problem> problems) {
        SourceLine where = new SourceLine(name, start + 1);
        Matcher m = ITEM.matcher(TextCleaner.stripInvisible(block[0]).strip());
        if (!m.matches()) {
            problems.add(new Problem(where, "not an item: expected '## HH:MM:SS｜title'",
                    Problem.clip(TextCleaner.cleanLines(String.join("\n", block).strip()))));
            return;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            problems.add(new Problem(where, "time out of range", Problem.clip(block[0])));
            return;
        }
        String id = "";
        Level level = null;
        List<String> subjects = List.of();
        String url = "";
        StringBuilder content = new StringBuilder();
        boolean inFields = true;
        for (int k = 1; k < block.length; k++) {
            String line = block[k].strip();
            Matcher f = FIELD.matcher(line);
            if (inFields && f.matches()) {
                String value = f.group(2).strip();
                switch (f.group(1)) {
                    case "id" -> id = value.replace("`", "");
                    case "level" -> level = EchoFields.level(value);
                    case "subjects" -> subjects = EchoFields.subjects(value);
                    case "url" -> url = value;
                    default -> { } // stocks: the codes are parsed from the text itself
                }
            } else if (!line.isEmpty()) {
                inFields = false;
                content.append(content.length() == 0 ? "" : " ").append(line);
            } else if (!id.isEmpty()) {
                inFields = false;
            }
        }
        String title = m.group(4).strip();
        String text = EchoFields.withTitle(title.equals(NO_TITLE) ? "" : title, content.toString());
        if (text.isEmpty()) {
            problems.add(new Problem(where, "item has no text", Problem.clip(block[0])));
            return;
        }
        LocalDateTime time = LocalDateTime.of(date, LocalTime.of(hour, minute, second));
        items.add(new RawItem(where, DayFile.windowOf(time), time, text,
                new Extras(id, level, subjects, url, true, false)));
    }
}
