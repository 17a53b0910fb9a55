package telegraph.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * One telegraph item.
 *
 * @param id         stable id, unique in the archive: {@code 20260107-0001-3fa9c21b}
 * @param windowDate the day file (05:30 to 05:30 window) the item belongs to
 * @param time       exact time in Beijing time (+08:00), rolled over past midnight
 * @param channels   the channels the item was published in (one or both)
 * @param level      A, B (major channel) or C (general)
 * @param title      the leading 【…】 title without its outer brackets, or empty
 * @param dateline   e.g. {@code 财联社1月6日电，} or empty
 * @param body       text after title and dateline, without the trailing source
 * @param source     the trailing outlet, e.g. {@code 央视新闻}, or empty
 * @param stocks     securities mentioned, in order of first mention, each once
 * @param raw        the item's text as it stood in the file after the time stamp
 * @param origin     where the kept text was read
 * @param sources    every place the item was read (several files, channels or archives)
 * @param clsId      the item's id at cls.cn when a source had it, or empty
 * @param url        the item's address at cls.cn, or empty
 * @param subjects   CLS subjects when a source had them
 * @param exactSeconds whether {@code time} is exact to the second
 * @param truncated  whether the text is cut short (the only source of it was)
 * @param versions   earlier versions of this item (re-posted under the same title), oldest first
 * @param related    ids of near-duplicates the same day (grouped, not hidden)
 */
public record Item(
        String id,
        LocalDate windowDate,
        OffsetDateTime time,
        Set<Channel> channels,
        Level level,
        String title,
        String dateline,
        String body,
        String source,
        List<StockCode> stocks,
        String raw,
        SourceLine origin,
        List<SourceLine> sources,
        String clsId,
        String url,
        List<String> subjects,
        boolean exactSeconds,
        boolean truncated,
        List<Version> versions,
        List<String> related) {

    public Item {
        channels = Set.copyOf(channels);
        stocks = List.copyOf(stocks);
        sources = List.copyOf(sources);
        subjects = List.copyOf(subjects);
        versions = List.copyOf(versions);
        related = List.copyOf(related);
    }

    public boolean isMajor() {
        return level.isMajor();
    }

    /**
     * Whether the item happened on the calendar day after its window date (past midnight). The
     * day page, which is the window day, marks it 次日; every other place shows {@code time}'s own
     * date, which is the date its dateline gives.
     */
    public boolean nextDay() {
        return !time.toLocalDate().equals(windowDate);
    }

    /** The title, or for an item without one the first clause of its body ({@link Lead}). */
    public String headline() {
        return title.isEmpty() ? Lead.of(body).headline() : title;
    }

    /** Title, dateline, body and source joined as a reader sees them. */
    public String fullText() {
        String text = textBelowTitle(dateline, body, source);
        return title.isEmpty() ? text : '【' + title + '】' + text;
    }

    /**
     * Dateline, body and source joined as a reader sees them: the text under a title shown apart
     * (a feed entry's), made from the parts as stored anywhere (the JSON export leaves empty ones out).
     */
    public static String textBelowTitle(String dateline, String body, String source) {
        return dateline + body + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
