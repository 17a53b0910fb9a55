package telegraph.parse;

import java.util.List;
import telegraph.model.Level;

/**
 * What some layouts carry beyond time and text.
 *
 * @param clsId     the item's id at cls.cn, or empty
 * @param level     the CLS level when the source states it, or null
 * @param subjects  CLS subjects (环球市场情报, 黄金…)
 * @param url       the item's address at cls.cn, or empty
 * @param seconds   whether the time is exact to the second
 * @param truncated whether the source cut the text short
 */
public record Extras(String clsId, Level level, List<String> subjects, String url, boolean seconds, boolean truncated) {

    public static final Extras NONE = new Extras("", null, List.of(), "", false, false);

    public Extras {
        subjects = List.copyOf(subjects);
    }
}
