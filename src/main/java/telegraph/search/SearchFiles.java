package telegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import telegraph.site.OutputWriter;

/**
 * Writes each piece of the index once, as {@code search/KEY.js}: a script that hands the JSON
 * to {@code telegraphSearchData("KEY", …)}. The page loads it with a {@code <script>} tag both
 * over HTTP and from {@code file://} (where browsers block {@code fetch()}), so one file serves
 * both and results are the same by construction; the JSON between the wrapper's first comma and
 * its closing {@code );} is exactly what {@code elasticlunr.Index.load} accepts. Remembers what it
 * wrote, so that files a smaller month no longer needs can be removed.
 */
final class SearchFiles {

    static final String DIR = "search/";
    /** What incremental builds keep of the index: beside the build's manifest, never published. */
    static final String STATE_DIR = ".telegraph/search/";
    static final String CALLBACK = "telegraphSearchData";
    static final String MANIFEST_KEY = "manifest";
    static final byte[] TAIL = ");\n".getBytes(StandardCharsets.US_ASCII);

    /** Writes a piece's JSON. */
    @FunctionalInterface
    interface JsonContent {
        void writeTo(ByteBuf json) throws IOException;
    }

    private final OutputWriter out;
    private final Set<String> written = new HashSet<>();
    /** Each file is made in here, wrapper and all, then written: one instance serves one thread. */
    private final ByteBuf buffer = new ByteBuf(1 << 16);

    SearchFiles(OutputWriter out) {
        this.out = out;
    }

    /** Writes {@code search/KEY.js}, its JSON streamed by Jackson. */
    void writeJson(String key, Json.Body json) {
        write(key, b -> Json.write(b, json));
    }

    /** Writes {@code search/KEY.js}, its JSON put straight into the buffer. */
    void write(String key, JsonContent json) {
        ByteBuf b = buffer;
        b.clear();
        b.put(head(key));
        try {
            json.writeTo(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b.put(TAIL);
        String path = DIR + key + ".js";
        out.writeBytes(path, b.array(), b.size());
        written.add(path);
    }

    /** What a piece's file starts with, before its JSON. */
    static byte[] head(String key) {
        return (CALLBACK + "(\"" + key + "\",").getBytes(StandardCharsets.UTF_8);
    }

    /** Output paths written so far. */
    Set<String> written() {
        return written;
    }

    /** Key of the month's shard number {@code shard}; the token directory says which tokens it holds. */
    static String shardKey(String month, int shard) {
        return month + "/s-" + shard;
    }

    /** Key of a month's per-item filter data (day of month, major). */
    static String metaKey(String month) {
        return month + "/meta";
    }

    /** Key of the text chunk holding refs {@code chunk*CHUNK .. +CHUNK-1}. */
    static String textKey(String month, int chunk) {
        return month + "/d-" + chunk;
    }

    static String directoryKey(int bucket) {
        return "dir/" + bucket;
    }
}
