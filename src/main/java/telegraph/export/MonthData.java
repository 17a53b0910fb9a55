package telegraph.export;

import telegraph.render.SitePaths;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import telegraph.model.Channel;
import telegraph.model.Day;
import telegraph.model.DuplicateCounts;
import telegraph.model.Item;
import telegraph.model.Lead;
import telegraph.model.Problem;
import telegraph.model.SourceLine;
import telegraph.model.StockCode;
import telegraph.output.OutputWriter;
import telegraph.output.ReusedDeflater;

/**
 * The export of a month: its items, in time order, as JSON Lines with every model field, cut into
 * chunks {@code data/YYYY-MM/N.js}. A chunk is a script, {@code telegraphData("YYYY-MM/N","…")},
 * whose string is the base64 of the gzip of its lines: the search page runs it with a
 * {@code <script>} tag from {@code file://} (or fetches it over HTTP) and reads its results'
 * text, snippets and exact checks from it, and {@code sed} + {@code base64 -d} + {@code gzip -dc}
 * give the lines back. One store of the text serves both.
 *
 * <p>Nothing is written twice: empty fields are left out, {@code raw} appears only where the file's
 * text differs from the cleaned one and {@code sources} only where an item was read in more than
 * one place. A chunk ends once its compressed bytes pass {@link #TARGET}, checked every
 * {@link #GROUP} items: the first page of a search whose hits are spread reads about one chunk per
 * hit, so chunks are small in bytes, while text that compresses well takes fewer files.
 */
public final class MonthData {

    record ItemJson(String id, String date, String time, List<String> channels, String level, String title,
                    String dateline, String body, String source, List<StockCode> stocks, String raw, String origin,
                    List<String> sources, String clsId, String url, List<String> subjects, Boolean exactSeconds,
                    Boolean truncated, List<VersionJson> versions, List<String> related, Integer lead) {
    }

    record VersionJson(String id, String time, String title, String dateline, String body, String source,
                       String origin, String clsId) {
    }

    record ProblemJson(String where, String reason, String text) {
    }

    /** A day of the month in {@code data/index.json}: what is not an item's own. */
    record DayJson(String date, List<String> files, int count, DuplicateCounts duplicates, List<ProblemJson> problems) {
    }

    /** A chunk in {@code data/index.json}: its file (relative to {@code data/}), first item (0-based in the month) and item count. */
    record ChunkJson(String file, int first, int items) {
    }

    /** A month in {@code data/index.json}. */
    record MonthJson(String month, int items, List<DayJson> days, List<ChunkJson> chunks) {
    }

    /** Compressed bytes after which a chunk ends (about 40 kB once in base64). */
    static final int TARGET = 30_000;
    /** Items between two checks of a chunk's size. */
    static final int GROUP = 16;
    /** The function a chunk's script calls with its key and data. */
    public static final String CALLBACK = "telegraphData";
    static final byte[] TAIL = "\");\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * Level 6: measured on the built chunks (2026-12-05), level 5 saves 5 % of the export's deflate
     * time for 2 % more bytes and level 4 19 % for 6 %, which the real site's size budget has no room for.
     */
    private static final ReusedDeflater DEFLATERS = new ReusedDeflater(Deflater.DEFAULT_COMPRESSION, true);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ObjectWriter itemWriter = JSON.writerFor(ItemJson.class);

    /** Writes the month's chunks; returns the month's entry of the index. */
    MonthJson write(YearMonth month, List<Day> days, OutputWriter out) {
        List<Item> items = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (Day day : days) {
            day.items().forEach(i -> {
                items.add(i);
                dates.add(day.date().toString());
            });
        }
        List<ChunkJson> chunks = new ArrayList<>();
        Deflater deflater = DEFLATERS.get();
        CRC32 crc = new CRC32();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(TARGET * 2);
        byte[] buffer = new byte[1 << 14];
        int from = 0;
        long size = 0;
        for (int i = 0; i < items.size(); i++) {
            byte[] line = line(items.get(i), dates.get(i));
            crc.update(line);
            size += line.length;
            deflater.setInput(line);
            drain(deflater, buffer, packed, Deflater.NO_FLUSH);
            int held = i - from + 1;
            boolean last = i == items.size() - 1;
            if (!last && held % GROUP == 0) {
                drain(deflater, buffer, packed, Deflater.SYNC_FLUSH);
            }
            if (last || held % GROUP == 0 && packed.size() >= TARGET) {
                deflater.finish();
                while (!deflater.finished()) {
                    packed.write(buffer, 0, deflater.deflate(buffer));
                }
                String key = month + "/" + chunks.size();
                writeChunk(out, key, packed.toByteArray(), crc.getValue(), size);
                chunks.add(new ChunkJson(key + ".js", from, held));
                deflater.reset();
                crc.reset();
                packed.reset();
                size = 0;
                from = i + 1;
            }
        }
        return new MonthJson(month.toString(), items.size(), days.stream().map(MonthData::json).toList(), chunks);
    }

    private byte[] line(Item item, String date) {
        try {
            byte[] json = itemWriter.writeValueAsBytes(json(item, date));
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(Deflater deflater, byte[] buffer, ByteArrayOutputStream packed, int mode) {
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, mode);
            packed.write(buffer, 0, n);
        } while (n == buffer.length || mode == Deflater.NO_FLUSH && !deflater.needsInput());
    }

    /** {@code data/KEY.js}: the gzip member (header, deflated lines, CRC-32 and length) in base64, in a script. */
    private static void writeChunk(OutputWriter out, String key, byte[] deflated, long crc, long size) {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream(deflated.length + 18);
        gzip.writeBytes(ReusedDeflater.GZIP_HEADER);
        gzip.writeBytes(deflated);
        gzip.writeBytes(ReusedDeflater.trailer(crc, size));
        ByteArrayOutputStream file = new ByteArrayOutputStream(gzip.size() * 4 / 3 + 64);
        file.writeBytes(head(key));
        file.writeBytes(Base64.getEncoder().encode(gzip.toByteArray()));
        file.writeBytes(TAIL);
        out.writeBytes(SitePaths.DATA + key + ".js", file.toByteArray());
    }

    /** What the script of chunk {@code key} ({@code YYYY-MM/N}) starts with, before its data. */
    static byte[] head(String key) {
        return (CALLBACK + "(\"" + key + "\",\"").getBytes(StandardCharsets.UTF_8);
    }

    private static DayJson json(Day day) {
        return new DayJson(day.date().toString(), day.files(), day.items().size(), day.duplicates(),
                day.problems().stream().map(MonthData::json).toList());
    }

    private static ItemJson json(Item item, String date) {
        List<String> sources = item.sources().equals(List.of(item.origin())) ? List.of()
                : item.sources().stream().map(SourceLine::toString).toList();
        return new ItemJson(item.id(), date, ISO.format(item.time()),
                item.channels().stream().sorted().map(Channel::fileSuffix).map(String::toLowerCase).toList(),
                item.level().name(), item.title(), item.dateline(), item.body(), item.source(), item.stocks(),
                item.raw().equals(item.fullText()) ? null : item.raw(), item.origin().toString(), sources,
                item.clsId(), item.url(), item.subjects(), item.exactSeconds() ? true : null,
                item.truncated() ? true : null,
                item.versions().stream().map(v -> new VersionJson(v.id(), ISO.format(v.time()), v.title(),
                        v.dateline(), v.body(), v.source(), v.origin().toString(), v.clsId())).toList(),
                item.related(), item.title().isEmpty() ? Lead.of(item.body()).end() : null);
    }

    private static ProblemJson json(Problem p) {
        return new ProblemJson(p.where().toString(), p.reason(), p.text());
    }
}
