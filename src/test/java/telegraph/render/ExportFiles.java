package telegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a site's JSON export back as a tool would: the index, then every month file it lists. */
public final class ExportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFiles() {
    }

    public static JsonNode index(Path site) throws IOException {
        return JSON.readTree(site.resolve("data/index.json").toFile());
    }

    /** Every day line of every month the index lists, in order; checks each month's counts. */
    public static List<JsonNode> days(Path site) throws IOException {
        List<JsonNode> days = new ArrayList<>();
        for (JsonNode month : index(site).get("months")) {
            Path file = site.resolve("data").resolve(month.get("file").asText());
            List<JsonNode> lines = lines(file);
            assertEquals(month.get("days").asInt(), lines.size(), "days of " + file);
            assertEquals(month.get("items").asInt(), lines.stream().mapToInt(d -> d.get("items").size()).sum(),
                    "items of " + file);
            days.addAll(lines);
        }
        return days;
    }

    /** Every item of the export, each with its day's date added as {@code windowDate}. */
    public static List<JsonNode> items(Path site) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode day : days(site)) {
            for (JsonNode item : day.get("items")) {
                ((ObjectNode) item).put("windowDate", day.get("date").asText());
                items.add(item);
            }
        }
        return items;
    }

    /** The JSON values of one gzip-compressed JSON Lines file. */
    public static List<JsonNode> lines(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(in)) {
            return values.readAll();
        }
    }
}
