package telegraph.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers queries from the written files the way templates/assets/search.js does: token
 * directory → months holding every token (and its df and shard there) → per month, each token in
 * its shard, scored with
 * elasticlunr 0.9.5's formula (tf · idf · 1/√fieldLength, idf = 1 + ln(N / (df + 1))), ANDed by
 * summing in query order; months newest first, by score then newest within a month.
 */
final class ShardedIndexReader {

    record Hit(String month, int ref, double score) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path searchDir;
    private final Map<String, JsonNode> cache = new HashMap<>();
    private final Map<Integer, Map<String, Integer>> tokenLists = new HashMap<>();
    private final JsonNode manifest;

    ShardedIndexReader(Path searchDir) {
        this.searchDir = searchDir;
        this.manifest = load("manifest");
    }

    List<Hit> search(String query) {
        List<String> tokens = Tokenizer.queryTokens(query);
        List<Hit> hits = new ArrayList<>();
        if (tokens.isEmpty()) {
            return hits;
        }
        for (Map.Entry<JsonNode, int[]> month : months(tokens).entrySet()) {
            hits.addAll(searchMonth(month.getKey(), tokens, month.getValue()));
        }
        return hits;
    }

    /** The item id of a hit, read from its text store chunk. */
    String id(Hit hit) {
        int chunk = manifest.get("chunk").asInt();
        return load(hit.month() + "/d-" + hit.ref() / chunk).get(hit.ref() % chunk).get(0).asText();
    }

    /** Months holding every token, newest first, with each token's shard in the month. */
    private Map<JsonNode, int[]> months(List<String> tokens) {
        Map<Integer, int[]> dfs = new HashMap<>();
        Map<Integer, int[]> shards = new HashMap<>();
        for (int k = 0; k < tokens.size(); k++) {
            String token = tokens.get(k);
            JsonNode list = load("dir/" + TokenHash.bucket(token, manifest.get("directoryBuckets").asInt())).get(token);
            for (int i = 0; list != null && i < list.size(); i += TokenDirectory.STRIDE) {
                int yyyymm = list.get(i).asInt();
                dfs.computeIfAbsent(yyyymm, m -> new int[tokens.size()])[k] = list.get(i + 1).asInt();
                // inline postings stand in the shard's place: this reader checks the shard anyway,
                // finding it in the month's token list
                int shard = list.get(i + 2).isTextual() ? tokenList(yyyymm).get(token) : list.get(i + 2).asInt();
                shards.computeIfAbsent(yyyymm, m -> new int[tokens.size()])[k] = shard;
            }
        }
        Map<JsonNode, int[]> months = new LinkedHashMap<>();
        for (JsonNode month : manifest.get("months")) {
            int yyyymm = Integer.parseInt(month.get("month").asText().replace("-", ""));
            int[] d = dfs.get(yyyymm);
            if (d != null && java.util.Arrays.stream(d).allMatch(df -> df > 0)) {
                months.put(month, shards.get(yyyymm));
            }
        }
        return months;
    }

    /** A month's token list (build state, .telegraph/search/YYYY-MM.tokens.tsv.gz): token → shard. */
    private Map<String, Integer> tokenList(int yyyymm) {
        return tokenLists.computeIfAbsent(yyyymm, ym -> {
            Path file = searchDir.resolveSibling(TokenDirectory.path(YearMonth.of(ym / 100, ym % 100)));
            Map<String, Integer> shards = new HashMap<>();
            try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                    new java.util.zip.GZIPInputStream(Files.newInputStream(file)), java.nio.charset.StandardCharsets.UTF_8))) {
                r.readLine();
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split("\t");
                    shards.put(f[0], Integer.parseInt(f[2]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return shards;
        });
    }

    private List<Hit> searchMonth(JsonNode month, List<String> tokens, int[] shards) {
        String name = month.get("month").asText();
        Map<String, Double> acc = null;
        for (int k = 0; k < tokens.size(); k++) {
            String token = tokens.get(k);
            JsonNode shard = load(name + "/s-" + shards[k]);
            Map<String, Double> scores = tokenScores(shard, token);
            if (acc == null) {
                acc = scores;
            } else {
                Map<String, Double> both = new LinkedHashMap<>();
                for (Map.Entry<String, Double> e : scores.entrySet()) {
                    if (acc.containsKey(e.getKey())) {
                        both.put(e.getKey(), acc.get(e.getKey()) + e.getValue());
                    }
                }
                acc = both;
            }
        }
        List<Hit> hits = new ArrayList<>();
        acc.forEach((ref, score) -> hits.add(new Hit(name, Integer.parseInt(ref, 36), score)));
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Comparator.comparingInt(Hit::ref).reversed()));
        return hits;
    }

    private static Map<String, Double> tokenScores(JsonNode shard, String token) {
        String field = shard.get("fields").get(0).asText();
        JsonNode node = shard.get("index").get(field).get("root");
        for (int i = 0; i < token.length() && node != null; i++) {
            node = node.get(String.valueOf(token.charAt(i)));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        if (node == null) {
            return scores;
        }
        double length = shard.get("documentStore").get("length").asDouble();
        double idf = 1 + StrictMath.log(length / (node.get("df").asInt() + 1));
        JsonNode store = shard.get("documentStore");
        node.get("docs").fields().forEachRemaining(e -> {
            // as elasticlunr's getFieldLength: 0 unless the ref is a key of documentStore.docs
            int fieldLength = store.get("docs").has(e.getKey()) ? store.get("docInfo").get(e.getKey()).get(field).asInt() : 0;
            double norm = fieldLength == 0 ? 1 : 1 / StrictMath.sqrt(fieldLength);
            scores.put(e.getKey(), e.getValue().get("tf").asDouble() * idf * norm);
        });
        return scores;
    }

    /** Reads search/KEY.js, which must be exactly {@code telegraphSearchData("KEY",JSON);\n}. */
    private JsonNode load(String key) {
        return cache.computeIfAbsent(key, k -> {
            try {
                String text = Files.readString(searchDir.resolve(k + ".js"));
                String head = SearchFiles.CALLBACK + "(\"" + k + "\",";
                if (!text.startsWith(head) || !text.endsWith(");\n")) {
                    throw new IllegalStateException(k + ".js is not " + head + "JSON);");
                }
                return JSON.readTree(text.substring(head.length(), text.length() - 3));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
