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

    /** What may stand right before a trailing (source) with no space: the end of a sentence. */
    private static final String SENTENCE_END = "。！？!?”’」』）)]";
    private static final int MIN_SOURCE = 2;
    private static final int MAX_SOURCE = 24;

    /** A code right after an opening parenthesis, up to its closing one. */
    private static final Pattern CODE = Pattern.compile(
            "(\\d{6}\\.(?:SH|SZ|BJ|sh|sz|bj)|\\d{4,5}\\.(?:HK|hk)|[A-Z][A-Z0-9]{0,5}(?:\\.[A-Z])?\\.(?:US|O|N|OQ))[）)]");
    private static final Pattern WHOLE_CODE = Pattern.compile("[（(]" + CODE.pattern());
    private static final int MAX_NAME = 12;
    /** 和 and 同 are not here: they open many names (和邦生物, 同洲电子). */
    private static final String JOINERS = "与及或对向在由将据称";
    /**
     * Characters that join a Latin name to what comes before ({@code 金山云(03896.HK)和MINIMAX-WP}):
     * one of them right before a Latin letter ends the clause, for no listed name has them so,
     * while 和 and 同 open many Chinese ones.
     */
    private static final String LATIN_JOINERS = JOINERS + "和同跟";
    /**
     * Words that end a clause before a security's name in news text ({@code X就Y}, {@code X将Y},
     * {@code X发布关于Y}, {@code …龙头Y}, {@code X给予Y}); none occurs inside a listed name except
     * 龙头 at the start of one. Single characters that occur inside names (和, 同, 向, 与) are not
     * here; 与 and 向 are cut only when they open the window ({@link #JOINERS}).
     */
    private static final List<String> CLAUSE_MARKERS = List.of("就", "将", "对", "称", "把", "被",
            "发布", "关于", "龙头", "巨头", "买入", "卖出", "维持", "给予", "首予", "重申", "上调", "下调",
            "增持", "减持", "开始", "旗下", "宣布", "表示", "预计", "认为", "指出");

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
        int cut = sourceStart(rest);
        if (cut >= 0 && !WHOLE_CODE.matcher(rest.substring(cut).strip()).matches()) {
            String trailer = rest.substring(cut).strip();
            source = trailer.substring(1, trailer.length() - 1).strip();
            rest = rest.substring(0, cut);
        }
        return new ItemParts(red, text, title, dateline, rest.strip(), source, stocks(text));
    }

    /**
     * Where a parenthesised trailer (an outlet or a byline) starts, including the spaces before it,
     * or -1. Scanned from the end by hand: a regex tried at every position cost a tenth of the build.
     */
    static int sourceStart(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || (text.charAt(end - 1) != ')' && text.charAt(end - 1) != '）')) {
            return -1;
        }
        int open = -1;
        for (int k = end - 2; k >= 0 && k >= end - 2 - MAX_SOURCE; k--) {
            char c = text.charAt(k);
            if (c == ')' || c == '）') {
                return -1;
            }
            if (c == '(' || c == '（') {
                open = k;
                break;
            }
        }
        int length = open < 0 ? 0 : end - open - 2;
        if (open <= 0 || length < MIN_SOURCE || length > MAX_SOURCE) {
            return -1;
        }
        int start = open;
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        boolean spaced = start < open;
        return spaced && start > 0 || SENTENCE_END.indexOf(text.charAt(open - 1)) >= 0 ? start : -1;
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

    /**
     * Stock codes follow an opening parenthesis, so only those positions are tried; a regex
     * scanning every position for a name cost a third of the build.
     */
    static List<StockCode> stocks(String text) {
        Map<String, StockCode> byCode = new LinkedHashMap<>();
        Matcher code = CODE.matcher(text);
        for (int open = nextParen(text, 0); open >= 0; open = nextParen(text, open + 1)) {
            if (!code.region(open + 1, text.length()).lookingAt()) {
                continue;
            }
            String name = nameBefore(text, open);
            StockCode stock = new StockCode(code.group(1), name);
            StockCode seen = byCode.get(stock.code());
            if (seen == null || seen.name().isEmpty()) {
                byCode.put(stock.code(), stock);
            }
        }
        return new ArrayList<>(byCode.values());
    }

    private static int nextParen(String text, int from) {
        int ascii = text.indexOf('(', from);
        int wide = text.indexOf('（', from);
        return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
    }

    /**
     * Up to twelve name characters before the parenthesis, less what belongs to the sentence: a
     * leading conjunction (与, 及), a clause up to its last marker ({@code 花旗就东亚银行},
     * {@code 杰富瑞将波音}, {@code 潮玩龙头泡泡玛特}), a joiner before a Latin name ({@code 和MINIMAX-WP}),
     * the last word of a Latin name the window cut ({@code World Liberty Financial}: no name rather than a wrong one).
     */
    static String nameBefore(String text, int open) {
        int start = open;
        while (start > 0 && open - start < MAX_NAME && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        boolean latinBefore = start > 0 && (isLatin(text.charAt(start - 1))
                || (start > 1 && text.charAt(start - 1) == ' ' && isLatin(text.charAt(start - 2))));
        if (latinBefore) {
            while (start < open && isLatin(text.charAt(start))) {
                start++;
            }
        }
        start = afterClause(text, start, open);
        for (int i = open - 3; i >= start; i--) {
            if (LATIN_JOINERS.indexOf(text.charAt(i)) >= 0 && isLatin(text.charAt(i + 1))) {
                start = i + 1;
                break;
            }
        }
        // Hong Kong share classes are written 阿里巴巴-SW, MINIMAX-WP: the dash is part of the name,
        // but not a leading dash, nor a conjunction joining two names (与, 和, 及).
        while (start < open && (text.charAt(start) == '-'
                || (open - start > 3 && JOINERS.indexOf(text.charAt(start)) >= 0))) {
            start++;
        }
        return open - start >= 2 ? text.substring(start, open) : "";
    }

    /**
     * Where the name starts once the clause before it is cut off: after the last clause marker
     * that leaves at least two characters. A marker opening the window is cut too, except
     * 龙头, which opens a real name (龙头股份).
     */
    private static int afterClause(String text, int start, int open) {
        String window = text.substring(start, open);
        int cut = 0;
        for (String marker : CLAUSE_MARKERS) {
            for (int at = window.indexOf(marker); at >= 0; at = window.indexOf(marker, at + 1)) {
                int end = at + marker.length();
                if (window.length() - end >= 2 && end > cut && (at > 0 || !marker.equals("龙头"))) {
                    cut = end;
                }
            }
        }
        return start + cut;
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isNameChar(char c) {
        return c == '*' || c == '-' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
