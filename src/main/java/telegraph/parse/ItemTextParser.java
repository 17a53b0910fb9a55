package telegraph.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import telegraph.model.StockCode;

/**
 * Splits the text of one item into title, dateline, body, source and stock codes.
 *
 * <p>Item text is telegraph text, not markdown: {@code *ST沐邦}, {@code 30%~35%} or
 * {@code 蓝思科技>佐力药业} are kept literally. The only markdown the feed itself adds is the
 * {@code 🔴 **…**} wrapping of top-level items, which is removed here.
 */
public final class ItemTextParser {

    private static final String RED = "🔴";

    private static final Pattern DATELINE = Pattern.compile(
            "^(?:财联社|《[^》]{1,20}》)(?:\\d{1,2}月)?\\d{1,2}日(?:电|讯)[，,]?");

    /** A parenthesised trailer after whitespace or sentence end: an outlet or a byline. */
    private static final Pattern SOURCE = Pattern.compile(
            "(?:(?<=[。！？!?”’」』）)\\]])|\\s+)[（(]([^()（）]{2,24})[）)]\\s*$");

    static final Pattern STOCK = Pattern.compile(
            "([*A-Za-z0-9\\p{IsHan}]{0,8}?)[（(]"
                    + "(\\d{6}\\.(?:SH|SZ|BJ|sh|sz|bj)|\\d{4,5}\\.(?:HK|hk)|[A-Z][A-Z0-9]{0,5}(?:\\.[A-Z])?\\.(?:US|O|N|OQ))"
                    + "[）)]");

    public ItemParts parse(String rawText) {
        String text = TextCleaner.clean(rawText).strip();
        boolean red = false;
        if (text.startsWith(RED)) {
            red = true;
            text = unwrapBold(text.substring(RED.length()).strip());
        }
        String rest = text;
        String title = "";
        int close = titleEnd(rest);
        if (close > 0) {
            title = rest.substring(1, close).strip();
            rest = rest.substring(close + 1).strip();
        }
        String dateline = "";
        Matcher d = DATELINE.matcher(rest);
        if (d.find()) {
            dateline = d.group();
            rest = rest.substring(d.end());
        }
        String source = "";
        Matcher s = SOURCE.matcher(rest);
        if (s.find() && !STOCK.matcher(rest.substring(s.start()).strip()).matches()) {
            source = s.group(1).strip();
            rest = rest.substring(0, s.start());
        }
        return new ItemParts(red, text, title, dateline, rest.strip(), source, stocks(text));
    }

    private static String unwrapBold(String text) {
        String t = text;
        if (t.startsWith("**")) {
            t = t.substring(2);
        }
        if (t.endsWith("**")) {
            t = t.substring(0, t.length() - 2);
        }
        return t.strip();
    }

    /** Index of the 】 closing a leading 【, honouring nesting; -1 when there is none. */
    static int titleEnd(String text) {
        if (!text.startsWith("【")) {
            return -1;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '【') {
                depth++;
            } else if (c == '】' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static List<StockCode> stocks(String text) {
        if (text.indexOf('.') < 0) {
            return List.of();
        }
        Map<String, StockCode> byCode = new LinkedHashMap<>();
        Matcher m = STOCK.matcher(text);
        while (m.find()) {
            // A one-character "name" is a conjunction (与, 和, 及) before a bare code.
            String name = m.group(1).length() >= 2 ? m.group(1) : "";
            StockCode code = new StockCode(m.group(2), name);
            StockCode seen = byCode.get(code.code());
            if (seen == null || seen.name().isEmpty()) {
                byCode.put(code.code(), code);
            }
        }
        return new ArrayList<>(byCode.values());
    }
}
