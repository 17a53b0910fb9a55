package telegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import telegraph.output.OutputWriter;
import telegraph.output.ReusedDeflater;

/**
 * Writes each piece of the index once, as {@code search/KEY.js}: a script that hands the piece to
 * {@code telegraphSearchData("KEY", "…")} as a string, the base64 of its JSON compressed with
 * deflate (zlib format). The page loads it with a {@code <script>} tag from {@code file://} (where
 * browsers block {@code fetch()}) and fetches it over HTTP, then decodes it with the browser's own
 * {@code DecompressionStream("deflate")}: one file serves both, so results are the same by
 * construction, and what it decodes to is exactly what {@code elasticlunr.Index.load} accepts.
 * Deflate takes the index to about a fifth and the text to under a half, base64 adds a third
 * back. Remembers what it wrote, so that files a smaller month no longer needs can be removed.
 */
final class SearchFiles {

    static final String DIR = "search/";
    /** What incremental builds keep of the index: beside the build's manifest, never published. */
    static final String STATE_DIR = ".telegraph/search/";
    static final String CALLBACK = "telegraphSearchData";
    static final String MANIFEST_KEY = "manifest";
    static final byte[] TAIL = "\");\n".getBytes(StandardCharsets.US_ASCII);

    /** Writes a piece's JSON. */
    @FunctionalInterface
    interface JsonContent {
        void writeTo(ByteBuf json) throws IOException;
    }

    private final OutputWriter out;
    private final Set<String> written = new HashSet<>();
    /** Each piece's JSON, then its file, are made in here: one instance serves one thread. */
    private final ByteBuf json = new ByteBuf(1 << 16);
    private final ByteBuf file = new ByteBuf(1 << 16);
    /**
     * Deflate's level for every piece. Measured on the built pieces (2026-12-05): level 5 deflates
     * a 365-day synthetic index in 1.5 s of CPU instead of level 6's 3.6 s for 1.9 % more bytes,
     * 1 % on the 50 real files; level 4 (0.7 s, +3 %) would take the real site over its size budget.
     */
    static final int LEVEL = 5;
    private static final ReusedDeflater DEFLATERS = new ReusedDeflater(LEVEL, false);
    private final byte[] chunk = new byte[1 << 16];

    SearchFiles(OutputWriter out) {
        this.out = out;
    }

    /** Writes {@code search/KEY.js}, its JSON streamed by Jackson. */
    void writeJson(String key, Json.Body body) {
        write(key, b -> Json.write(b, body));
    }

    /** Writes {@code search/KEY.js}, its JSON put straight into the buffer. */
    void write(String key, JsonContent content) {
        json.clear();
        try {
            content.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deflater deflater = DEFLATERS.get();
        deflater.setInput(json.array(), 0, json.size());
        deflater.finish();
        ByteBuf packed = new ByteBuf(json.size() / 3 + 64);
        while (!deflater.finished()) {
            packed.write(chunk, 0, deflater.deflate(chunk));
        }
        writePacked(key, packed);
    }

    /** Writes {@code search/KEY.js} around JSON already deflated (zlib format). */
    void writePacked(String key, ByteBuf packed) {
        file.clear();
        file.put(head(key));
        file.put(Base64.getEncoder().encode(Arrays.copyOf(packed.array(), packed.size())));
        file.put(TAIL);
        String path = DIR + key + ".js";
        out.writeBytes(path, file.array(), file.size());
        written.add(path);
    }

    /** What a piece's file starts with, before its data. */
    static byte[] head(String key) {
        return (CALLBACK + "(\"" + key + "\",\"").getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON a piece's file holds, or an exception if the bytes are not such a file. */
    static byte[] decode(String key, byte[] bytes) throws IOException {
        byte[] head = head(key);
        if (bytes.length < head.length + TAIL.length
                || !Arrays.equals(bytes, 0, head.length, head, 0, head.length)
                || !Arrays.equals(bytes, bytes.length - TAIL.length, bytes.length, TAIL, 0, TAIL.length)) {
            throw new IOException(key + ".js is not a search piece");
        }
        Inflater inflater = new Inflater();
        try {
            byte[] packed = Base64.getDecoder().decode(Arrays.copyOfRange(bytes, head.length, bytes.length - TAIL.length));
            inflater.setInput(packed);
            ByteBuf out = new ByteBuf(packed.length * 4 + 64);
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException(key + ".js is cut short");
                }
                out.write(buffer, 0, n);
            }
            return Arrays.copyOf(out.array(), out.size());
        } catch (IllegalArgumentException | DataFormatException e) {
            throw new IOException(key + ".js does not decode: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Output paths written so far. */
    Set<String> written() {
        return written;
    }

    /** Key of the month's shard number {@code shard}; the manifest says which token each begins with. */
    static String shardKey(String month, int shard) {
        return month + "/s-" + shard;
    }

    static String directoryKey(int bucket) {
        return "dir/" + bucket;
    }
}
