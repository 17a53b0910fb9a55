package telegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a site's JSON export back as a tool would: the index, then every chunk it lists. */
public final class ExportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFiles() {
    }

    public static JsonNode index(Path site) throws IOException {
        return JSON.readTree(site.resolve("data/index.json").toFile());
    }

    /**
     * Every day of every month the index lists, in order, each with its items (those of the
     * month's chunks whose {@code date} is the day's) as {@code items}; checks the counts.
     */
    public static List<JsonNode> days(Path site) throws IOException {
        List<JsonNode> days = new ArrayList<>();
        for (JsonNode month : index(site).get("months")) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode chunk : month.get("chunks")) {
                List<JsonNode> lines = chunk(site.resolve("data").resolve(chunk.get("file").asText()));
                assertEquals(chunk.get("first").asInt(), items.size(), "first item of " + chunk);
                assertEquals(chunk.get("items").asInt(), lines.size(), "items of " + chunk);
                items.addAll(lines);
            }
            assertEquals(month.get("items").asInt(), items.size(), "items of " + month.get("month"));
            int next = 0;
            for (JsonNode day : month.get("days")) {
                ArrayNode held = ((ObjectNode) day).putArray("items");
                while (next < items.size() && items.get(next).get("date").asText().equals(day.get("date").asText())) {
                    held.add(items.get(next++));
                }
                days.add(day);
            }
            assertEquals(items.size(), next, "every item of " + month.get("month") + " is on a day of the index");
        }
        return days;
    }

    /** Every item of the export, in order. */
    public static List<JsonNode> items(Path site) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode day : days(site)) {
            day.get("items").forEach(items::add);
        }
        return items;
    }

    /**
     * The items of a chunk, decoded as data.md says: the string of {@code telegraphData("KEY","…");},
     * base64, then gzip, then JSON Lines.
     */
    public static List<JsonNode> chunk(Path file) throws IOException {
        String text = Files.readString(file);
        String data = text.substring(text.indexOf(",\"") + 2, text.lastIndexOf("\");"));
        return lines(new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(data))));
    }

    /** The JSON values of a stream of JSON Lines. */
    public static List<JsonNode> lines(InputStream lines) throws IOException {
        try (InputStream in = lines; MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(in)) {
            return values.readAll();
        }
    }
}
