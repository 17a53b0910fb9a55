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
import telegraph.model.Item;
import telegraph.model.Problem;
import telegraph.model.StockCode;

/** The machine-readable export of a day: every item with every model field. */
public final class DayData {

    record ItemJson(String id, String windowDate, String time, List<String> channels, String level, String title,
                    String dateline, String body, String source, List<StockCode> stocks, String raw, String origin) {
    }

    record ProblemJson(String where, String reason, String text) {
    }

    record DayJson(String date, List<String> files, int count, List<ItemJson> items, List<ProblemJson> problems) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ObjectWriter writer = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(DayJson.class);

    public void write(Day day, OutputStream out) throws IOException {
        List<ItemJson> items = day.items().stream().map(DayData::json).toList();
        List<ProblemJson> problems = day.problems().stream()
                .map(DayData::json).toList();
        writer.writeValue(out, new DayJson(day.date().toString(), day.files(), items.size(), items, problems));
    }

    private static ItemJson json(Item item) {
        return new ItemJson(item.id(), item.windowDate().toString(), ISO.format(item.time()),
                item.channels().stream().sorted().map(Channel::fileSuffix).map(String::toLowerCase).toList(),
                item.level().name(), item.title(), item.dateline(), item.body(), item.source(), item.stocks(),
                item.raw(), item.origin().toString());
    }

    private static ProblemJson json(Problem p) {
        return new ProblemJson(p.where().toString(), p.reason(), p.text());
    }
}
