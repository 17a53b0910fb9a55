package telegraph.parse;

/** The archive layouts of the same feed that can be read, recognised by content, not by name. */
public enum Layout {
    /** The seed's day files: {@code # 财联社【普通】电报 - DATE}, one window day per channel. */
    NEWSPAPER,
    /** cls-echo-stacker markdown: {@code # 财联社快讯归档 DATE}, a calendar day, {@code ## HH:MM:SS｜title}. */
    ECHO_MARKDOWN,
    /** cls-echo-stacker JSONL: one CLS API item per line, a calendar day. */
    ECHO_JSONL,
    /** cls-feishu-bot: newest-first bullet lists of links, a calendar day, long items cut short. */
    FEISHU,
    /**
     * Not a day file of any layout (a README, a licence, notes): no date and nothing that looks
     * like a day file, so it is skipped, never shown, rather than reported as a damaged day file.
     */
    NONE;

    /** Whether a file of this layout covers a calendar day, so two window days. */
    public boolean calendarDay() {
        return this != NEWSPAPER && this != NONE;
    }
}
