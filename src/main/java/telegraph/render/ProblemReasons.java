package telegraph.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem's reason in the site's language. The readers write reasons in English for the command
 * line, where they are grepped and tested; the pages are in Chinese. A reason not listed here (a
 * new one) is shown as written rather than lost.
 */
final class ProblemReasons {

    /** English reason, whole, to its Chinese form; {@code $1}… are the parts the reason quotes. */
    private static final Map<Pattern, String> CHINESE = new LinkedHashMap<>();

    static {
        put("not a day file: no heading '(.+)' and no date in its name", "不是日文件：没有标题行“$1”，文件名中也没有日期");
        put("item of a file with no date", "所在文件没有日期，这条电报无处可放");
        put("unknown channel (.+); read as 【普通】", "频道 $1 无法识别，按【普通】读取");
        put("no such date (.+)", "日期 $1 不存在");
        put("no window line \\(> 统计周期：…\\); assumed 05:30 to 05:30", "缺少统计周期行（> 统计周期：…），按 05:30 至次日 05:30 读取");
        put("bad window start (.+); assumed 05:30", "统计周期起点 $1 无效，按 05:30 读取");
        put("window date (.+) differs from heading date (.+); heading used", "统计周期日期 $1 与标题日期 $2 不符，以标题为准");
        put("no heading '(.+)'; date and channel taken from the file name", "没有标题行“$1”，日期和频道取自文件名");
        put("not an item: expected '(.+)'", "不是电报条目：应为“$1”的格式");
        put("time \\[(.+)\\] out of range", "时间 [$1] 超出范围");
        put("time out of range", "时间超出范围");
        put("item has a time but no text", "只有时间，没有正文");
        put("item has no text", "条目没有正文");
        put("ends in the middle of a character \\(cut short while written\\?\\); its last bytes shown as �",
                "文件在一个字符中间结束（写入时被截断？），末尾字节显示为 �");
        put("not valid UTF-8; read as GB18030 \\(GBK\\)", "不是有效的 UTF-8 编码，已按 GB18030（GBK）读取");
        put("not valid UTF-8 \\(binary or unknown encoding\\); unreadable bytes shown as �",
                "不是有效的 UTF-8 编码（二进制文件或未知编码），无法读取的字节显示为 �");
        put("cannot decode: (.+)", "无法解码：$1");
        put("cannot read: (.+)", "无法读取：$1");
        put("empty file", "空文件");
        put("no date in the heading '(.+)'; its items are listed here", "标题“$1”中没有日期，条目列在这里");
        put("no date in the heading '(.+)'; date taken from the file name", "标题“$1”中没有日期，日期取自文件名");
        put("heading counts (\\d+) items, the file has (\\d+) \\(cut short\\?\\)", "标题称有 $1 条，文件中只有 $2 条（被截断？）");
        put("heading counts (\\d+) items, the file has (\\d+)", "标题称有 $1 条，文件中有 $2 条");
        put("malformed JSON: (.+)", "JSON 格式错误：$1");
        put("no usable datetime/ctime", "没有可用的时间（datetime/ctime）");
        put("no date: a feishu list names its day only in the file name \\((.+)\\)", "没有日期：飞书列表只在文件名中写日期（$1）");
        put("item link not closed: expected '(.+)'", "条目链接未闭合：应为“$1”");
    }

    private ProblemReasons() {
    }

    private static void put(String english, String chinese) {
        CHINESE.put(Pattern.compile(english), chinese);
    }

    static String chinese(String reason) {
        for (Map.Entry<Pattern, String> e : CHINESE.entrySet()) {
            Matcher m = e.getKey().matcher(reason);
            if (m.matches()) {
                return m.replaceFirst(e.getValue());
            }
        }
        return reason;
    }
}
