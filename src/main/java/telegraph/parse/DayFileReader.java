package telegraph.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import telegraph.model.Channel;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Reads an input file of any known layout, chosen by the file's content (not its name): the
 * seed's day files, cls-echo-stacker markdown and JSONL, cls-feishu-bot lists. Files are UTF-8;
 * one that is not is reported and read as GB18030 so that nothing is lost.
 */
public final class DayFileReader {

    private static final Pattern ECHO_HEADING = Pattern.compile("^#\\s*财联社快讯归档\\s*\\d{4}-\\d{2}-\\d{2}.*");
    /** An echo item heading: the layout even when the file's own heading is damaged. */
    private static final Pattern ECHO_ITEM = Pattern.compile("^##\\s+\\d{1,2}:\\d{2}:\\d{2}\\s*[｜|].*");
    private static final Pattern FEISHU_LINE = Pattern.compile(
            "^(?:\\*\\*(?:🔴 重要电报|📰 一般电报)\\*\\*|\\s*- \\[\\d{1,2}:\\d{2}\\] .*)$");
    private static final int SNIFF_LINES = 10;
    /** A date in a file's name: every archive names its day files by date. */
    private static final Pattern DATED_NAME = Pattern.compile(".*\\d{4}-\\d{2}-\\d{2}[^/]*$");
    /** A time stamp of any layout's item, anywhere in a line: a damaged day file still has some. */
    private static final Pattern STAMP = Pattern.compile(
            "\\*\\*\\[\\d{1,2}:\\d{2}\\]\\*\\*|^##\\s+\\d{1,2}:\\d{2}:\\d{2}\\s*[｜|]|^\\s*- \\[\\d{1,2}:\\d{2}\\]");
    /** A day heading of any layout, even one whose date cannot be read. */
    private static final Pattern DAY_HEADING = Pattern.compile("^\\s*#.*(?:电报|快讯归档)");

    private final NewspaperReader newspaper = new NewspaperReader();
    private final EchoMarkdownReader echoMarkdown = new EchoMarkdownReader();
    private final EchoJsonlReader echoJsonl = new EchoJsonlReader();
    private final FeishuReader feishu = new FeishuReader();

    public DayFile read(Path path) throws IOException {
        return read(path.getFileName().toString(), Files.readAllBytes(path));
    }

    /**
     * A file with no date that does not look like a day file either (no dated name, no item time
     * stamp, no day heading) comes back as {@link Layout#NONE}, with no problem: an archive
     * repository's README or notes are not damaged day files, and their text must not be shown.
     */
    public DayFile read(String name, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        String text = bytes.length == 0 ? "" : TextDecoder.decode(bytes, name, problems);
        String[] lines = text.split("\r?\n|\r", -1);
        DayFile file = bytes.length == 0 ? empty(name, problems) : switch (detect(lines)) {
            case ECHO_MARKDOWN -> echoMarkdown.read(name, lines, problems);
            case ECHO_JSONL -> echoJsonl.read(name, lines, problems);
            case FEISHU -> feishu.read(name, lines, problems);
            case NEWSPAPER, NONE -> newspaper.read(name, text, lines, problems);
        };
        if (file.date() == null && !looksLikeDayFile(name, lines)) {
            return new DayFile(name, Layout.NONE, "", Channel.GENERAL, null, List.of(), List.of());
        }
        return file;
    }

    private static DayFile empty(String name, List<Problem> problems) {
        problems.add(new Problem(new SourceLine(name, 1), "empty file", ""));
        return new DayFile(name, Layout.NEWSPAPER, "", Channel.GENERAL, null, List.of(), problems);
    }

    private static boolean looksLikeDayFile(String name, String[] lines) {
        if (DATED_NAME.matcher(name).matches()) {
            return true;
        }
        for (String line : lines) {
            String visible = TextCleaner.stripInvisible(line);
            if (STAMP.matcher(visible).find() || DAY_HEADING.matcher(visible).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The layout, from the first non-blank lines. */
    static Layout detect(String[] lines) {
        int seen = 0;
        for (String raw : lines) {
            String line = TextCleaner.stripInvisible(raw);
            if (line.isBlank()) {
                continue;
            }
            if (seen == 0 && line.strip().startsWith("{")) {
                return Layout.ECHO_JSONL;
            }
            if (ECHO_HEADING.matcher(line.strip()).matches() || ECHO_ITEM.matcher(line.strip()).matches()) {
                return Layout.ECHO_MARKDOWN;
            }
            if (FEISHU_LINE.matcher(line).matches()) {
                return Layout.FEISHU;
            }
            if (++seen == SNIFF_LINES) {
                break;
            }
        }
        return Layout.NEWSPAPER;
    }
}
