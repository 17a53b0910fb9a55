package telegraph.render;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import telegraph.model.Channel;
import telegraph.model.Item;
import telegraph.model.Lead;
import telegraph.model.StockCode;

/**
 * An item as templates show it: every value already formatted, nothing left to decide.
 *
 * @param iso      the time for {@code datetime} attributes: to the minute, with seconds only where
 *                 a source gave them (not zero)
 * @param nextDay  whether the item happened on the calendar day after its window date
 * @param topics   links to the item's topic pages
 * @param versions earlier versions (the item was re-posted under the same title)
 * @param related  near-duplicates the same day, labelled by their time
 * @param truncated the only source of the text cut it short
 * @param sources  how many places the item was read from
 * @param headline an untitled item's first clause ({@link Lead}) without its closing mark, when
 *                 more text follows it: what the day page's headline view shows in place of a
 *                 title; {@code lead} then holds the text after it. Else empty
 */
public record ItemView(String id, String iso, String clock, boolean nextDay, String level, boolean major,
                       boolean red, String channels, String title, String dateline, String headline, String lead,
                       List<String> points, String source, List<StockCode> stocks, List<Link> topics,
                       List<VersionView> versions, List<Link> related, boolean truncated,
                       int sources, List<String> subjects) {

    /** An earlier version of an item, as templates show it. */
    public record VersionView(String id, String iso, String clock, String title, String dateline, String body,
                              String source) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param topics    the item's topic links
     * @param clockOfId the clock label of every item of the page, for near-duplicate links
     */
    public static ItemView of(Item item, List<Link> topics, Function<String, String> clockOfId) {
        BodyFormatter.Body body = BodyFormatter.split(item.body());
        String headline = headline(item, body.lead());
        String channels = item.channels().stream().sorted().map(Channel::label)
                .reduce((a, b) -> a + "·" + b).orElse("");
        List<VersionView> versions = item.versions().stream().map(v -> new VersionView(v.id(), iso(v.time()),
                CLOCK.format(v.time()), v.title(), v.dateline(), v.body(), v.source())).toList();
        List<Link> related = item.related().stream().map(id -> new Link("#" + id, clockOfId.apply(id))).toList();
        return new ItemView(item.id(), iso(item.time()), CLOCK.format(item.time()),
                item.nextDay(), item.level().name(), item.isMajor(),
                item.level() == telegraph.model.Level.A, channels, item.title(), item.dateline(), headline,
                body.lead().substring(headline.length()), body.points(), item.source(), item.stocks(), topics, versions, related, item.truncated(),
                item.sources().size(), item.subjects());
    }

    /**
     * The first clause of an untitled item as its text starts: its headline without the ellipsis,
     * when the clause is shorter than the text before any list. Else empty.
     */
    private static String headline(Item item, String lead) {
        String shown = item.headline();
        if (!item.title().isEmpty() || !shown.endsWith("…")) {
            return "";
        }
        String clause = shown.substring(0, shown.length() - 1);
        return lead.startsWith(clause) && clause.length() < lead.length() ? clause : "";
    }

    /** Seconds are written only where there are some: most sources give the minute alone. */
    private static String iso(OffsetDateTime time) {
        return (time.getSecond() == 0 ? ISO_MINUTE : ISO).format(time);
    }
}
