package telegraph.render;

/** Day files written by tests, in the newspaper layout. */
public final class DayFiles {

    private DayFiles() {
    }

    /** A day file of one channel (普通 or 重磅) holding the given item lines. */
    public static String newspaper(String date, String channel, String items) {
        return "# 财联社【" + channel + "】电报 - " + date + "\n> 统计周期：" + date + " 05:30 至次日 05:30\n\n---\n\n" + items;
    }
}
