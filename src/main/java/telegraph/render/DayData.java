package telegraph.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import telegraph.model.Channel;
import telegraph.model.Day;
import telegraph.model.DuplicateCounts;
import telegraph.model.Item;
import telegraph.model.Problem;
import telegraph.model.StockCode;

/** The machine-readable export of a day: every item with every model field. */
public final class DayData {

    record ItemJson(String id, String windowDate, String time, List<String> channels, String level, String title,
                    String dateline, String body, String source, List<StockCode> stocks, String raw, String origin,
                    List<String> sources, String clsId, String url, List<String> subjects, boolean exactSeconds,
                    boolean truncated, List<VersionJson> versions, List<String> related) {
    }

    record VersionJson(String id, String time, String title, String dateline, String body, String source,
                       String origin, String clsId) {
    }

    record ProblemJson(String where, String reason, String text) {
    }

    record DayJson(String date, List<String> files, int count, DuplicateCounts duplicates, List<ItemJson> items,
                   List<ProblemJson> problems) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ObjectWriter writer = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(DayJson.class);

    public void write(Day day, OutputStream out) throws IOException {
        List<ItemJson> items = day.items().stream().map(DayData::json).toList();
        List<ProblemJson> problems = day.problems().stream()
                .map(DayData::json).toList();
        writer.writeValue(out, new DayJson(day.date().toString(), day.files(), items.size(), day.duplicates(), items, problems));
    }

    private static ItemJson json(Item item) {
        return new ItemJson(item.id(), item.windowDate().toString(), ISO.format(item.time()),
                item.channels().stream().sorted().map(Channel::fileSuffix).map(String::toLowerCase).toList(),
                item.level().name(), item.title(), item.dateline(), item.body(), item.source(), item.stocks(),
                item.raw(), item.origin().toString(), item.sources().stream().map(Object::toString).toList(),
                item.clsId(), item.url(), item.subjects(), item.exactSeconds(), item.truncated(),
                item.versions().stream().map(v -> new VersionJson(v.id(), ISO.format(v.time()), v.title(),
                        v.dateline(), v.body(), v.source(), v.origin().toString(), v.clsId())).toList(),
                item.related());
    }

    private static ProblemJson json(Problem p) {
        return new ProblemJson(p.where().toString(), p.reason(), p.text());
    }
}
