package telegraph.site;

import java.util.function.IntFunction;

/** Synthetic day files in the seed's layout, for tests that need days of a given size. */
final class DayText {

    private DayText() {
    }

    /** A day file of {@code items} items, each the line {@code item} makes of its index. */
    static String of(String date, int items, IntFunction<String> item) {
        StringBuilder text = new StringBuilder("# 财联社【普通】电报 - " + date + "\n> 统计周期：" + date
                + " 05:30 至次日 05:30\n\n---\n\n");
        for (int i = 0; i < items; i++) {
            text.append(item.apply(i)).append("\n\n");
        }
        return text.toString();
    }
}
