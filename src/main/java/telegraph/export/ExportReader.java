package telegraph.export;

import telegraph.render.SitePaths;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads a built site's export back: the months of {@code data/index.json}, then their chunks' JSON Lines. */
public final class ExportReader {

    private final Path data;
    private final JsonNode index;

    /** @throws IOException with a one-line message when the site has no readable export */
    public ExportReader(Path site) throws IOException {
        this.data = site.resolve(SitePaths.DATA);
        try {
            this.index = MonthData.JSON.readTree(data.resolve("index.json").toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException("no export in " + site + " (data/index.json is missing): build the site first");
        }
        if (index == null || index.path("version").asInt() != DataExport.VERSION) {
            throw new IOException(data.resolve("index.json") + " is not an export of version " + DataExport.VERSION
                    + ": build the site again");
        }
    }

    /** The months the export holds, {@code YYYY-MM}, in date order. */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        index.get("months").forEach(m -> months.add(m.get("month").asText()));
        return months;
    }

    /** Hands each chunk of the month, in order, as the text of its JSON Lines (one item a line). */
    public void lines(String month, Consumer<String> chunks) throws IOException {
        for (JsonNode m : index.get("months")) {
            if (m.get("month").asText().equals(month)) {
                for (JsonNode chunk : m.get("chunks")) {
                    chunks.accept(read(chunk.get("file").asText()));
                }
            }
        }
    }

    /** The JSON Lines of chunk {@code file} (relative to {@code data/}). */
    private String read(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(data.resolve(file));
        String key = file.substring(0, file.length() - ".js".length());
        byte[] head = MonthData.head(key);
        byte[] tail = MonthData.TAIL;
        if (bytes.length < head.length + tail.length || !Arrays.equals(bytes, 0, head.length, head, 0, head.length)
                || !Arrays.equals(bytes, bytes.length - tail.length, bytes.length, tail, 0, tail.length)) {
            throw new IOException("data/" + file + " is not a chunk of the export");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(Arrays.copyOfRange(bytes, head.length, bytes.length - tail.length))))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("data/" + file + " does not decode: " + e.getMessage());
        }
    }
}
