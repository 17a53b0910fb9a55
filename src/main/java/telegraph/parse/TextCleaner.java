package telegraph.parse;

import java.util.Arrays;
import org.jsoup.parser.Parser;

/**
 * Makes scraped text fit for display: decodes leftover HTML entities exactly once and removes
 * control, invisible and private-use characters, which the scraper let through but which show
 * as boxes or break copy and paste. Visible text is never touched.
 */
public final class TextCleaner {

    private TextCleaner() {
    }

    public static String clean(String text) {
        String decoded = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
        return stripInvisible(decoded);
    }

    /**
     * {@link #clean} line by line, keeping the line breaks: text kept for a problem is shown as
     * the file wrote it, where items are read as one paragraph.
     */
    public static String cleanLines(String text) {
        return String.join("\n", Arrays.stream(text.replace("\r\n", "\n").split("\n", -1))
                .map(TextCleaner::clean).toList());
    }

    /** Removes characters that have no place in displayed text; tabs become spaces. */
    public static String stripInvisible(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && !isRemovedOrTab(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(text, 0, i);
        while (i < n) {
            int cp = text.codePointAt(i);
            if (cp == '\t') {
                sb.append(' ');
            } else if (!isRemoved(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static boolean isRemovedOrTab(int cp) {
        return cp == '\t' || isRemoved(cp);
    }

    static boolean isRemoved(int cp) {
        if (cp < 0x20 || cp == 0x7F) {
            return true;
        }
        if (cp >= 0x80 && cp < 0xA0) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
