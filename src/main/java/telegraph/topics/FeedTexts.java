package telegraph.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import telegraph.export.ExportReader;
import telegraph.model.Item;

/**
 * The whole text of the items feeds carry, read from the site's JSON export, which the builder
 * writes before the topics. Keeping each item's text in the topics' own state would double that
 * state and the export for the few items feeds show; a month's export is read only when a feed
 * written in this build holds one of its items. Safe to use from several threads.
 */
final class FeedTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path site;
    private final Map<String, Map<String, String>> byMonth = new ConcurrentHashMap<>();
    private volatile ExportReader export;

    FeedTexts(Path site) {
        this.site = site;
    }

    /**
     * The text under the title ({@link Item#textBelowTitle}) of a feed's entry, which shows its
     * title apart; empty when the site has no export (an output built alone, in tests).
     */
    String below(MonthFile.Entry e) {
        ExportReader reader = reader();
        if (reader == null) {
            return "";
        }
        return byMonth.computeIfAbsent(e.date().substring(0, 7), month -> read(reader, month)).getOrDefault(e.id(), "");
    }

    private ExportReader reader() {
        if (export == null) {
            try {
                export = new ExportReader(site);
            } catch (IOException e) {
                return null;
            }
        }
        return export;
    }

    private static Map<String, String> read(ExportReader reader, String month) {
        Map<String, String> texts = new HashMap<>();
        try {
            reader.lines(month, chunk -> chunk.lines().forEach(line -> {
                JsonNode item = parse(line);
                texts.put(item.path("id").asText(), Item.textBelowTitle(item.path("dateline").asText(),
                        item.path("body").asText(), item.path("source").asText()));
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
