package telegraph.topics;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outlet an item credits, from its trailing source ({@code (央视新闻)}) or its dateline
 * ({@code 《科创板日报》7日讯，}).
 *
 * <p>Decisions: a byline of 财联社's own staff ({@code 财联社记者 李婷}, {@code 财联社 梓隆},
 * {@code 记者 黄心怡}) is no outlet: 财联社 publishes every item, so it would be a topic of
 * everything, and a reporter is not an outlet. A byline naming another outlet's reporter
 * ({@code 界面新闻记者 张三}, {@code 界面新闻 侯瑞宁}) credits that outlet. The plain 财联社
 * dateline is no topic either. Short names the feed uses for the same outlet are merged
 * ({@link #ALIASES}).
 */
final class SourceNames {

    /** Abbreviations the feed writes for outlets it also names in full. */
    private static final Map<String, String> ALIASES = Map.of(
            "澎湃", "澎湃新闻",
            "上证报", "上海证券报",
            "中证报", "中国证券报",
            "一财", "第一财经",
            "每经", "每日经济新闻",
            "每经网", "每日经济新闻",
            "中新网", "中国新闻网",
            "21财经", "21世纪经济报道",
            "我的钢铁", "我的钢铁网",
            "中国天气", "中国天气网");

    /**
     * An outlet and its reporters without the word 记者 ({@code 界面新闻 侯瑞宁}, {@code 财联社 梓隆}):
     * names of two or three Han characters, each after a space. The space tells them from the
     * outlet, whose name is written whole ({@code CCTV国际时讯}).
     */
    private static final Pattern BYLINE = Pattern.compile("(.+?)(?:\\s+\\p{IsHan}{2,3})+\\s*");
    private static final Pattern DATELINE_OUTLET = Pattern.compile("^《([^》]{1,20})》");
    private static final String OWN = "财联社";
    private static final int MAX_LENGTH = 20;

    private SourceNames() {
    }

    /** The outlet of a trailing source, or empty when it is a byline of 财联社 or no outlet. */
    static String fromSource(String source) {
        String s = source.strip();
        int reporter = s.indexOf("记者");
        if (reporter >= 0) {
            s = s.substring(0, reporter);
        }
        Matcher byline = BYLINE.matcher(s);
        if (byline.matches()) {
            s = byline.group(1);
        }
        return outlet(Names.display(s));
    }

    /** The outlet of a dateline such as 《科创板日报》7日讯, or empty for 财联社's own. */
    static String fromDateline(String dateline) {
        Matcher m = DATELINE_OUTLET.matcher(dateline);
        return m.find() ? outlet(Names.display(m.group(1))) : "";
    }

    private static String outlet(String name) {
        if (name.isEmpty() || name.startsWith(OWN) || name.length() > MAX_LENGTH) {
            return "";
        }
        return ALIASES.getOrDefault(name, name);
    }
}
