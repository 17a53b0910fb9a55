package telegraph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the enumerations the feed writes on one line ({@code ①… ②…}, {@code 1、… 2、…}) so they
 * can be shown as lists. The markers stay in the text: a reader copying an item gets it whole.
 */
public final class BodyFormatter {

    /** The body split at list markers: text before the first marker, then one entry per point. */
    public record Body(String lead, List<String> points) {
    }

    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    private static final Pattern NUMBERED = Pattern.compile("(?<![\\d.,%])(\\d{1,2})、");

    private BodyFormatter() {
    }

    public static Body split(String body) {
        List<Integer> cuts = circledCuts(body);
        if (cuts.size() < 2 && body.contains("1、")) {
            cuts = numberedCuts(body);
        }
        if (cuts.size() < 2) {
            return new Body(body, List.of());
        }
        List<String> points = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            int end = i + 1 < cuts.size() ? cuts.get(i + 1) : body.length();
            points.add(body.substring(cuts.get(i), end).strip());
        }
        return new Body(body.substring(0, cuts.get(0)).strip(), points);
    }

    /** Positions of ①, ②, ③… appearing in sequence. */
    private static List<Integer> circledCuts(String body) {
        List<Integer> cuts = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < CIRCLED.length(); k++) {
            int at = body.indexOf(CIRCLED.charAt(k), from);
            if (at < 0) {
                break;
            }
            cuts.add(at);
            from = at + 1;
        }
        return cuts;
    }

    /** Positions of 1、 2、 3… appearing in sequence, counting from 1. */
    private static List<Integer> numberedCuts(String body) {
        List<Integer> cuts = new ArrayList<>();
        Matcher m = NUMBERED.matcher(body);
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expected) {
                cuts.add(m.start());
                expected++;
            }
        }
        return cuts;
    }
}
