package telegraph.search;

import telegraph.output.StaleFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.export.DataExport;
import telegraph.render.PageRenderer;
import telegraph.render.ArchiveOutput;
import telegraph.model.DaySummary;
import telegraph.output.OutputWriter;

/**
 * The search index and page. Sharded by month, then within the month by token: the month's
 * tokens held by more than a few items, in the order of their text, are packed into shards of
 * about {@link #POSTINGS_PER_SHARD} postings (a token holding more has a shard of its own). The
 * token directory says, for each token, which months hold it and in how many items (or, for a few,
 * which); so a query reads its words' directory entries first, then, newest month first, only the
 * shards of its words in the months holding all of them, and checks the candidates in the items'
 * text. Each shard stands for a stock elasticlunr index, every piece is stored deflated
 * ({@link SearchFiles}). See {@code templates/assets/search-format.js} and
 * {@code search-engine.js} for the reading side and {@code search.md} for the design.
 */
public final class SearchIndexOutput implements ArchiveOutput {

    /**
     * Postings a shard holds at most, unless one token alone has more: a posting is about two
     * bytes once deflated, so a shard is about 100–250 kB and a month of ~12,000 items about 16
     * shards; a four-word query reads at most four of them in a month.
     */
    static final long POSTINGS_PER_SHARD = 100_000;
    /**
     * The same with positions, which make a posting about 2.5 times larger on real text: shards
     * stay about as large in bytes, so a first page reads about as much.
     */
    static final long POSTINGS_PER_SHARD_WITH_POSITIONS = 40_000;
    /**
     * Changes whenever the files' format or what they hold does (+versions: earlier versions'
     * text is indexed; 7: postings may carry positions), so an incremental build rebuilds every month.
     * Whether positions are kept is part of the settings too.
     */
    private static final String FORMAT = "search-format-7";
    /** Starts the token of a topic membership ({@code ~stock/600519-sh}); no word holds it. */
    static final char TOPIC_MARK = '~';

    /**
     * What the manifest says about a month.
     *
     * @param days   for each day of the month with items: day of month, its first and its last ref
     *               (refs are in time order), so that a date filter skips other days' candidates
     * @param chunks the first ref of each text chunk
     * @param firsts the first token of each shard
     */
    record MonthEntry(YearMonth month, int items, List<Integer> days, List<Integer> chunks, List<String> firsts) {
    }

    private final Function<Item, List<String>> topics;
    private final byte[] topicSettings;
    private final Map<String, String> topicNames;
    private final boolean positions;

    /** An index without topic filters or positions. */
    public SearchIndexOutput() {
        this(item -> List.of(), new byte[0], Map.of(), false);
    }

    /**
     * @param topics        the keys ({@code kind/slug}) of the topics an item belongs to, so that
     *                      a search can be limited to a topic ({@code search.html?topic=…})
     * @param topicSettings what decides topic membership (theme definitions): part of the
     *                      settings, so that a change rebuilds the index
     * @param topicNames    the name a reader knows a topic by, for keys that are not names
     *                      themselves ({@code theme/fed} → 美联储): the labels of the search
     *                      page's facets
     * @param positions     whether postings carry the positions of their tokens, so that the page
     *                      counts a query's results exactly from the index alone (search.md, "Exact
     *                      totals"); they make the index about 60 % larger
     */
    public SearchIndexOutput(Function<Item, List<String>> topics, byte[] topicSettings, Map<String, String> topicNames,
                             boolean positions) {
        this.positions = positions;
        this.topics = topics;
        this.topicSettings = topicSettings.clone();
        this.topicNames = Map.copyOf(topicNames);
    }

    private static final Pattern MONTH_FOLDER = Pattern.compile("\\d{4}-\\d{2}");

    @Override
    public String name() {
        return "search";
    }

    @Override
    public byte[] settings() {
        byte[] own =  (FORMAT + (positions ? "+positions" : "") + " " + postingsPerShard() + " " + " " + TokenDirectory.BUCKETS + " "
                + TokenDirectory.INLINE + " " + Tokenizer.PREFIX_MAX + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(own, own.length + topicSettings.length);
        System.arraycopy(topicSettings, 0, all, own.length, topicSettings.length);
        return all;
    }

    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) throws IOException {
        MonthIndex index = new MonthIndex(days, topics, positions);
        String key = month.toString();
        if (index.items().isEmpty()) {
            StaleFiles.removeUnder(out, SearchFiles.DIR + key, Set.of());
            out.delete(TokenDirectory.path(month));
            return;
        }
        SearchFiles files = new SearchFiles(out);
        int[] byName = sortedByName(index);
        List<String> firsts = writeShards(index, key, byName, files, postingsPerShard());
        // the export, written just before for this month, holds the text: its chunks are the text store
        List<Integer> chunks = DataExport.chunkStarts(out, month);
        TokenDirectory.writeMonth(out, month, index, byName, chunks, firsts);
        StaleFiles.removeUnder(out, SearchFiles.DIR + key, new HashSet<>(files.written()));
    }

    /**
     * Packs the month's tokens held by more than {@link TokenDirectory#INLINE} items (the
     * directory holds the others' refs itself), in text order, into shards of at most
     * postingsPerShard postings (a larger token alone) and writes them.
     *
     * @param byName the month's token ids sorted by their text
     * @return the first token of each shard: the page finds a token's shard by them
     */
    private static List<String> writeShards(MonthIndex index, String key, int[] byName, SearchFiles files,
                                            long postingsPerShard) {
        int[] common = Arrays.stream(byName).filter(t -> index.df(t) > TokenDirectory.INLINE).toArray();
        ShardWriter writer = new ShardWriter(index);
        List<String> firsts = new ArrayList<>();
        int start = 0;
        long filled = 0;
        for (int i = 0; i <= common.length; i++) {
            long df = i < common.length ? index.df(common[i]) : Long.MAX_VALUE;
            if (i > start && (i == common.length || filled + df > postingsPerShard)) {
                int from = start;
                int to = i;
                files.write(SearchFiles.shardKey(key, firsts.size()), b -> writer.write(b, common, from, to));
                firsts.add(index.name(common[from]));
                start = i;
                filled = 0;
            }
            filled += df;
        }
        return firsts;
    }

    private long postingsPerShard() {
        return positions ? POSTINGS_PER_SHARD_WITH_POSITIONS : POSTINGS_PER_SHARD;
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
                out.delete(TokenDirectory.path(YearMonth.parse(name)));
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
        files.writeJson(SearchFiles.MANIFEST_KEY, g -> {
            g.writeStartObject();
            g.writeNumberField("format", 7);
            g.writeNumberField("directoryBuckets", TokenDirectory.BUCKETS);
            g.writeNumberField("directoryStride", TokenDirectory.STRIDE);
            g.writeNumberField("prefixMax", Tokenizer.PREFIX_MAX);
            g.writeBooleanField("positions", positions);
            g.writeArrayFieldStart("months");
            for (MonthEntry m : months) {
                g.writeStartObject();
                g.writeStringField("month", m.month().toString());
                g.writeNumberField("items", m.items());
                g.writeArrayFieldStart("days");
                for (int d : m.days()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("chunks");
                for (int c : m.chunks()) {
                    g.writeNumber(c);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("shards");
                for (String first : m.firsts()) {
                    g.writeString(first);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        pages.page("search.ftlh", "search.html", Map.of("topicNames", new TreeMap<>(topicNames)));
    }
}
