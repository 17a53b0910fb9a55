package telegraph.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import telegraph.export.ExportFiles;

/**
 * Reads what the written index says of one token: which items hold it, by the token directory
 * and the shards (or the directory's own refs), decoding every piece as the page does.
 */
public final class IndexReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path searchDir;
    private final Map<String, JsonNode> cache = new HashMap<>();
    private final Map<String, List<JsonNode>> chunks = new HashMap<>();
    private final JsonNode manifest;

    public IndexReader(Path searchDir) {
        this.searchDir = searchDir;
        this.manifest = load("manifest");
    }

    /** Ids of the items holding the token, and the sum of the directory's dfs. */
    public record Holders(Set<String> ids, int df) {
    }

    public Holders holders(String token) {
        JsonNode bucket = load("dir/" + TokenHash.bucket(token, manifest.get("directoryBuckets").asInt()));
        List<String> names = List.of(bucket.get("tokens").asText().split("\n"));
        int line = names.indexOf(token);
        String[] months = line < 0 ? new String[0] : bucket.get("entries").asText().split("\n")[line].split(" ");
        Set<String> ids = new TreeSet<>();
        int df = 0;
        for (String entry : months) {
            String month = entry.substring(0, 4) + "-" + entry.substring(4, 6);
            if (entry.charAt(6) == ':') {
                for (String ref : entry.substring(7).split(",")) {
                    ids.add(id(month, Integer.parseInt(ref.replaceAll("[:;].*", ""), 36)));
                    df++;
                }
            } else {
                df += Integer.parseInt(entry.substring(7));
                JsonNode shards = manifestMonth(month).get("shards");
                int s = 0;
                while (s + 1 < shards.size() && shards.get(s + 1).asText().compareTo(token) <= 0) {
                    s++;
                }
                JsonNode shard = load(month + "/s-" + s);
                JsonNode tokens = shard.get("tokens");
                for (int t = 0; t < tokens.size(); t++) {
                    if (tokens.get(t).asText().equals(token)) {
                        int ref = 0;
                        for (String posting : shard.get("postings").get(t).asText().split(",")) {
                            ref += Integer.parseInt(posting.replaceAll("[:;].*", ""), 36);
                            ids.add(id(month, ref));
                        }
                    }
                }
            }
        }
        return new Holders(ids, df);
    }

    private JsonNode manifestMonth(String month) {
        for (JsonNode m : manifest.get("months")) {
            if (m.get("month").asText().equals(month)) {
                return m;
            }
        }
        throw new IllegalStateException("no month " + month + " in the manifest");
    }

    /** The item id of a month's ref, read from the export's chunk that holds it, as the page does. */
    String id(String month, int ref) {
        JsonNode starts = manifestMonth(month).get("chunks");
        int chunk = 0;
        while (chunk + 1 < starts.size() && starts.get(chunk + 1).asInt() <= ref) {
            chunk++;
        }
        String key = month + "/" + chunk;
        return chunks.computeIfAbsent(key, k -> {
            try {
                return ExportFiles.chunk(searchDir.resolveSibling("data").resolve(k + ".js"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(ref - starts.get(chunk).asInt()).get("id").asText();
    }

    /** Decodes search/KEY.js as the page does. */
    JsonNode load(String key) {
        return cache.computeIfAbsent(key, k -> {
            try {
                return JSON.readTree(SearchFiles.decode(k, Files.readAllBytes(searchDir.resolve(k + ".js"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
