package telegraph.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.render.PageRenderer;
import telegraph.site.ArchiveOutput;
import telegraph.site.DaySummary;
import telegraph.site.OutputWriter;

/**
 * The search index and page. Sharded by month, then within the month by token: a token that
 * {@link #FREQUENT} or more items of the month hold has a shard of its own, the others share
 * shards by token hash. A query reads the token directory (which months hold its words, and in
 * how many items, which tells it frequent from bucketed), then, newest month first, only the
 * shards of its words in those months, until it has a page of results. Each shard is a stock
 * elasticlunr index. See {@code templates/assets/search.js} for the reading side.
 */
public final class SearchIndexOutput implements ArchiveOutput {

    /**
     * Postings per hash-bucket shard a month aims at (a posting is ~20 bytes of JSON, see
     * {@link ShardWriter}): shards of ~80 kB keep the shards of a rare four-bigram query in a
     * month around 300 kB.
     */
    static final long POSTINGS_PER_SHARD = 4_000;
    static final int MAX_SHARDS_PER_MONTH = 1024;
    /**
     * A token at least this many items of a month hold gets a shard of its own ({@code f-HASH}),
     * so that a rare token never shares a shard with a very common one: a query downloads, per
     * token, either a small bucket shard or just the postings of that one common token.
     */
    static final int FREQUENT = 1_000;
    /** Changes whenever the files' format does, so an incremental build rebuilds every month. */
    private static final String FORMAT = "search-format-2";

    /** What the manifest says about a month. */
    record MonthEntry(YearMonth month, int items, int shards) {
    }

    private static final Pattern MONTH_FOLDER = Pattern.compile("\\d{4}-\\d{2}");

    @Override
    public byte[] settings() {
        return (FORMAT + " " + POSTINGS_PER_SHARD + " " + FREQUENT + " " + SnippetStore.CHUNK + " " + TokenDirectory.BUCKETS)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) throws IOException {
        MonthIndex index = new MonthIndex(days);
        String key = month.toString();
        if (index.items().isEmpty()) {
            StaleFiles.removeUnder(out, SearchFiles.DIR + key, Set.of());
            return;
        }
        SearchFiles files = new SearchFiles(out);
        int[] byName = sortedByName(index);
        long rarePostings = 0;
        for (int token : byName) {
            if (index.df(token) < FREQUENT) {
                rarePostings += index.df(token);
            }
        }
        int shards = shardCount(rarePostings);
        // every shard's tokens, in name order; frequent tokens by file key (a hash collision
        // between two of them only puts both in one file)
        int[][] bucketTokens = new int[shards][];
        int[] bucketSizes = new int[shards];
        Map<String, List<Integer>> frequent = new TreeMap<>();
        for (int token : byName) {
            String name = index.name(token);
            if (index.df(token) >= FREQUENT) {
                frequent.computeIfAbsent(SearchFiles.frequentKey(key, name), k -> new ArrayList<>()).add(token);
                continue;
            }
            int b = TokenHash.bucket(name, shards);
            if (bucketTokens[b] == null) {
                bucketTokens[b] = new int[16];
            } else if (bucketSizes[b] == bucketTokens[b].length) {
                bucketTokens[b] = Arrays.copyOf(bucketTokens[b], bucketSizes[b] * 2);
            }
            bucketTokens[b][bucketSizes[b]++] = token;
        }
        ShardWriter writer = new ShardWriter(index);
        for (int b = 0; b < shards; b++) {
            int[] tokens = bucketTokens[b] == null ? new int[0] : bucketTokens[b];
            files.write(SearchFiles.shardKey(key, b), writer.write(tokens, bucketSizes[b]));
        }
        for (Map.Entry<String, List<Integer>> e : frequent.entrySet()) {
            int[] tokens = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            files.write(e.getKey(), writer.write(tokens, tokens.length));
        }
        SnippetStore.write(key, index.items(), files);
        TokenDirectory.writeMonth(out, month, index, shards);
        Set<String> keep = new HashSet<>(files.written());
        keep.add(TokenDirectory.path(month));
        StaleFiles.removeUnder(out, SearchFiles.DIR + key, keep);
    }

    /** Removes the folders of months that are gone or empty; only the top of search/ is listed. */
    private static void removeGoneMonths(OutputWriter out, Set<YearMonth> present) throws IOException {
        Path dir = out.resolve(SearchFiles.DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.sorted().toList();
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (MONTH_FOLDER.matcher(name).matches() && Files.isDirectory(folder)
                    && !present.contains(YearMonth.parse(name))) {
                StaleFiles.removeUnder(out, SearchFiles.DIR + name, Set.of());
            }
        }
    }

    /** Token ids in the order of their text (UTF-16 code units, as the trie is laid out). */
    private static int[] sortedByName(MonthIndex index) {
        String[] names = new String[index.tokenCount()];
        for (int t = 0; t < names.length; t++) {
            names[t] = index.name(t);
        }
        Integer[] ids = new Integer[names.length];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = t;
        }
        Arrays.sort(ids, (a, b) -> names[a].compareTo(names[b]));
        return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
    }

    /** The smallest power of two that keeps shards near {@link #POSTINGS_PER_SHARD}. */
    static int shardCount(long postings) {
        int shards = 1;
        while (shards < MAX_SHARDS_PER_MONTH && postings > shards * POSTINGS_PER_SHARD) {
            shards *= 2;
        }
        return shards;
    }

    @Override
    public void finish(NavigableMap<LocalDate, DaySummary> days, Set<YearMonth> changed, OutputWriter out,
                       PageRenderer pages) throws IOException {
        SearchFiles files = new SearchFiles(out);
        Set<YearMonth> present = new TreeSet<>(Comparator.reverseOrder());
        days.keySet().forEach(d -> present.add(YearMonth.from(d)));
        // months that are gone, or were empty (no token list): their files go
        present.removeIf(m -> !Files.exists(out.resolve(TokenDirectory.path(m))));
        removeGoneMonths(out, present);
        List<MonthEntry> months = TokenDirectory.update(out, List.copyOf(present), changed, files);
        files.write(SearchFiles.MANIFEST_KEY, Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("format", 2);
            g.writeNumberField("frequent", FREQUENT);
            g.writeStringField("field", ShardWriter.FIELD);
            g.writeNumberField("directoryBuckets", TokenDirectory.BUCKETS);
            g.writeNumberField("chunk", SnippetStore.CHUNK);
            g.writeStringField("metaSymbols", SnippetStore.META_SYMBOLS);
            g.writeArrayFieldStart("months");
            for (MonthEntry m : months) {
                g.writeStartObject();
                g.writeStringField("month", m.month().toString());
                g.writeNumberField("items", m.items());
                g.writeNumberField("shards", m.shards());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
        pages.page("search.ftlh", "search.html", Map.of());
    }
}
