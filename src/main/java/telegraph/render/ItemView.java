package telegraph.render;

import java.time.format.DateTimeFormatter;
import java.util.List;
import telegraph.model.Channel;
import telegraph.model.Item;
import telegraph.model.StockCode;

/**
 * An item as templates show it: every value already formatted, nothing left to decide.
 *
 * @param nextDay whether the item happened on the calendar day after its window date
 */
public record ItemView(String id, String iso, String clock, boolean nextDay, String level, boolean major,
                       boolean red, String channels, String title, String dateline, String lead,
                       List<String> points, String source, List<StockCode> stocks) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    public static ItemView of(Item item) {
        BodyFormatter.Body body = BodyFormatter.split(item.body());
        String channels = item.channels().stream().sorted().map(Channel::label)
                .reduce((a, b) -> a + "·" + b).orElse("");
        return new ItemView(item.id(), ISO.format(item.time()), CLOCK.format(item.time()),
                !item.time().toLocalDate().equals(item.windowDate()), item.level().name(), item.isMajor(),
                item.level() == telegraph.model.Level.A, channels, item.title(), item.dateline(),
                body.lead(), body.points(), item.source(), item.stocks());
    }
}
