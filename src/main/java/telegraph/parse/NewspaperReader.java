package telegraph.parse;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import telegraph.model.Channel;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Reads a day file in the seed's layout ({@code # 财联社【普通】电报 - 2026-01-06}).
 *
 * <p>The preamble (heading, window line) is markdown and is parsed with flexmark. Items are
 * not: each is one paragraph starting with {@code **[HH:MM]**} whose text is telegraph text,
 * read line by line so that nothing in it is taken for markup. A paragraph that is not an item
 * is reported as {@code file:line: reason} and kept as a problem with its text.
 */
final class NewspaperReader {

    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(.*?)【\\s*(.+?)\\s*】\\s*电报\\s*[-–—]\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$");
    private static final Pattern WINDOW = Pattern.compile(
            "统计周期：\\s*(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,2}:\\d{2})");
    private static final Pattern ITEM = Pattern.compile("^\\*\\*\\[(\\d{1,2}):(\\d{2})\\]\\*\\*\\s*(.*)$");
    private static final Pattern FILE_NAME = Pattern.compile(".*?(\\d{4}-\\d{2}-\\d{2})_(General|Major)\\.md$");

    private final Parser markdown = Parser.builder().build();

    DayFile read(String name, String text, String[] lines, List<Problem> problems) {
        int bodyStart = preambleEnd(lines);
        Header header = readHeader(name, lines, bodyStart, problems);
        List<RawItem> items = new ArrayList<>();
        if (header.date == null) {
            // Not a day file (a README, a stray note): one report, its text kept once.
            problems.add(new Problem(new SourceLine(name, 1), "not a day file: no heading '# 财联社【普通】电报 - YYYY-MM-DD' and no date in its name",
                    Problem.clip(TextCleaner.cleanLines(text))));
            keepUndatedItems(name, lines, problems);
        } else {
            readItems(name, lines, bodyStart, header, items, problems);
        }
        return new DayFile(name, Layout.NEWSPAPER, header.publisher, header.channel, header.date, items, problems);
    }

    private record Header(String publisher, Channel channel, LocalDate date, LocalTime windowStart) {
    }

    /** Index of the first line after the preamble: the first item line or the line after ---. */
    private static int preambleEnd(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = TextCleaner.stripInvisible(lines[i]).strip();
            if (ITEM.matcher(line).lookingAt()) {
                return i;
            }
            if (line.equals("---")) {
                return i + 1;
            }
        }
        return Math.min(lines.length, 2);
    }

    private Header readHeader(String name, String[] lines, int end, List<Problem> problems) {
        StringBuilder preamble = new StringBuilder();
        for (int i = 0; i < end; i++) {
            preamble.append(TextCleaner.stripInvisible(lines[i])).append('\n');
        }
        String heading = null;
        String window = null;
        for (Node node : markdown.parse(preamble.toString()).getChildren()) {
            if (node instanceof Heading h && heading == null) {
                heading = h.getText().toString();
            } else if (node instanceof BlockQuote q && window == null) {
                window = new TextCollectingVisitor().collectAndGetText(q);
            }
        }
        LocalTime windowStart = DayFile.DEFAULT_WINDOW_START;
        Matcher h = heading == null ? null : HEADING.matcher(heading);
        if (h == null || !h.matches()) {
            return headerFromFileName(name, heading, problems);
        }
        Channel channel;
        try {
            channel = Channel.fromLabel(h.group(2));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(new SourceLine(name, 1), e.getMessage() + "; read as 【普通】", ""));
            channel = Channel.GENERAL;
        }
        LocalDate date = parseDate(h.group(3));
        if (date == null) {
            problems.add(new Problem(new SourceLine(name, 1), "no such date " + h.group(3), heading));
            return headerFromFileName(name, heading, problems);
        }
        Matcher w = window == null ? null : WINDOW.matcher(window);
        if (w == null || !w.find()) {
            problems.add(new Problem(new SourceLine(name, 2), "no window line (> 统计周期：…); assumed 05:30 to 05:30", ""));
        } else {
            try {
                windowStart = LocalTime.parse(w.group(2).length() == 4 ? "0" + w.group(2) : w.group(2));
            } catch (DateTimeException e) {
                problems.add(new Problem(new SourceLine(name, 2), "bad window start " + w.group(2) + "; assumed 05:30", window));
            }
            if (!w.group(1).equals(h.group(3))) {
                problems.add(new Problem(new SourceLine(name, 2),
                        "window date " + w.group(1) + " differs from heading date " + h.group(3) + "; heading used", window));
            }
        }
        return new Header(h.group(1).strip(), channel, date, windowStart);
    }

    /** Falls back on the real archives' file names when the heading cannot be read. */
    private static Header headerFromFileName(String name, String heading, List<Problem> problems) {
        Matcher f = FILE_NAME.matcher(name);
        LocalDate date = f.matches() ? parseDate(f.group(1)) : null;
        if (date == null) {
            return new Header("", Channel.GENERAL, null, DayFile.DEFAULT_WINDOW_START);
        }
        Channel channel = f.group(2).equals("Major") ? Channel.MAJOR : Channel.GENERAL;
        problems.add(new Problem(new SourceLine(name, 1),
                "no heading '# 财联社【" + channel.label() + "】电报 - YYYY-MM-DD'; date and channel taken from the file name",
                heading == null ? "" : Problem.clip(heading)));
        return new Header("财联社", channel, date, DayFile.DEFAULT_WINDOW_START);
    }

    private static void readItems(String name, String[] lines, int from, Header header, List<RawItem> items,
                                  List<Problem> problems) {
        int i = from;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int start = i;
            i++;
            // A paragraph runs to the next blank line; the scraper collapsed newlines, so a
            // second line is a continuation unless it starts a new item.
            while (i < lines.length && !lines[i].isBlank() && !isItemLine(lines[i])) {
                i++;
            }
            accept(new SourceLine(name, start + 1), Arrays.copyOfRange(lines, start, i), header, items, problems);
        }
    }

    /**
     * The items of a file with no date have no day page to go on; each is kept with the problems,
     * whole, as the file's own problem shows only its beginning.
     */
    private static void keepUndatedItems(String name, String[] lines, List<Problem> problems) {
        for (int i = 0; i < lines.length; i++) {
            if (isItemLine(lines[i])) {
                int start = i;
                while (i + 1 < lines.length && !lines[i + 1].isBlank() && !isItemLine(lines[i + 1])) {
                    i++;
                }
                problems.add(new Problem(new SourceLine(name, start + 1), "item of a file with no date",
                        Problem.clip(asWritten(Arrays.copyOfRange(lines, start, i + 1)))));
            }
        }
    }

    private static boolean isItemLine(String line) {
        return ITEM.matcher(TextCleaner.stripInvisible(line).strip()).lookingAt();
    }

    /** A paragraph's lines as the file wrote them, for a problem: line breaks kept. */
    private static String asWritten(String[] lines) {
        return TextCleaner.cleanLines(String.join("\n", Arrays.stream(lines).map(String::strip).toList()));
    }

    /** @param lines a paragraph: an item's lines, read as one line joined by spaces */
    private static void accept(SourceLine where, String[] lines, Header header, List<RawItem> items,
                               List<Problem> problems) {
        String paragraph = String.join(" ", Arrays.stream(lines).map(String::strip).toList());
        String line = TextCleaner.stripInvisible(paragraph).strip();
        Matcher m = ITEM.matcher(line);
        if (!m.matches()) {
            problems.add(new Problem(where, "not an item: expected '**[HH:MM]** text'", Problem.clip(asWritten(lines))));
            return;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59) {
            problems.add(new Problem(where, "time [" + m.group(1) + ":" + m.group(2) + "] out of range", Problem.clip(asWritten(lines))));
            return;
        }
        if (m.group(3).isBlank()) {
            problems.add(new Problem(where, "item has a time but no text", Problem.clip(line)));
            return;
        }
        // Keep the text before cleaning: the id and the raw field are defined on what the file holds.
        String rawText = paragraph.substring(paragraph.indexOf("]**") + 3).strip();
        LocalTime clock = LocalTime.of(hour, minute);
        // Clock times before the window start belong to the next calendar day.
        LocalDate calendarDate = clock.isBefore(header.windowStart) ? header.date.plusDays(1) : header.date;
        items.add(new RawItem(where, header.date, LocalDateTime.of(calendarDate, clock), rawText, Extras.NONE));
    }

    private static LocalDate parseDate(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeException e) {
            return null;
        }
    }

}
