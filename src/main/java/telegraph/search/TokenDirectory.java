package telegraph.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import telegraph.output.OutputWriter;
import telegraph.output.ReusedDeflater;

/**
 * Which months hold a token, and in how many items: {@code dir/B} maps each token of hash bucket
 * B to {@code [yyyymm, df, …]}, newest month first. The page reads it before any shard, so a rare
 * word costs one shard per month it occurs in rather than one per month of the archive, an AND
 * query skips months lacking one of its words, and a one-token query knows its count. Where a
 * month holds the token in at most {@link #INLINE} items, the df is replaced by the items' refs,
 * {@code "ref,…"}, and no shard holds the token: a word found once or twice a month over years
 * is answered from the directory alone. A token's shard in a month is found from the first
 * tokens of the month's shards, which the manifest lists.
 *
 * <p>Builds are incremental and months never all fit in memory, so each month leaves its sorted
 * token list with the build's state ({@code .telegraph/search/YYYY-MM.tokens.tsv.gz}: token, df and shard, headed by
 * the month's item and shard counts). {@link #update} brings the directory up to date with those lists:
 * <ul>
 *   <li>A full merge reads the lists of every month and writes every bucket. It is used when
 *       every month changed anyway, when there is no record of what the directory holds, or when
 *       an earlier full merge was interrupted.</li>
 *   <li>Otherwise only the months that changed (or appeared, or are gone) are looked at. For
 *       each month, {@code .telegraph/search/directory/YYYY-MM.bin} records a 64-bit hash of the month's
 *       part of every bucket as the directory holds it; buckets whose hash differs from the
 *       month's new list are read, get that month's entries replaced, and are written back.
 *       Everything else is left alone, so a grown day file rewrites a few hundred buckets
 *       whatever the size of the archive.</li>
 * </ul>
 *
 * <p>Crash safety: replacing a month's entries in a bucket is idempotent, and before any bucket
 * is touched the month's record marks the buckets about to change as {@link #DIRTY} (a value no
 * hash takes), so a build killed halfway leaves records that make the next build redo exactly
 * those buckets, whatever the months' lists hold by then. A full merge leaves a marker file
 * until it has written every bucket and record. Both ways end with the same files, byte for
 * byte, as a full merge of the same lists.
 */
final class TokenDirectory {

    static final int BUCKETS = 512;
    /** Values per month in a directory entry: yyyymm, then df or, for a rare token, its refs. */
    static final int STRIDE = 2;
    /** Postings of a token in a month are written into the directory when the month has at most this many. */
    static final int INLINE = 3;
    /** What the directory holds of each month, one file per month. */
    static final String STATE_DIR = SearchFiles.STATE_DIR + "directory/";
    /** Present while a full merge runs: an interrupted one is redone in full. */
    static final String FULL_MERGE_MARKER = STATE_DIR + "full-merge-running";
    /** A bucket whose content for the month is unknown (being rewritten): never equals a hash. */
    static final long DIRTY = 1;
    private static final long EMPTY = 0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Pattern NUMBERS = Pattern.compile("[\\d,]*");
    private static final Pattern SOME_NUMBERS = Pattern.compile("[\\d,]+");
    private static final Pattern STATE_FILE = Pattern.compile("\\d{4}-\\d{2}\\.bin");
    /** The month lists are state read back by the next build only: the fastest level. */
    private static final ReusedDeflater LIST_DEFLATERS = new ReusedDeflater(Deflater.BEST_SPEED, true);

    private TokenDirectory() {
    }

    static String path(YearMonth month) {
        return SearchFiles.STATE_DIR + month + ".tokens.tsv.gz";
    }

    static String statePath(YearMonth month) {
        return STATE_DIR + month + ".bin";
    }

    /**
     * Leaves a month's token list for the merge; called from the month's worker thread.
     *
     * @param byName the month's token ids sorted by their text
     */
    static void writeMonth(OutputWriter out, YearMonth month, MonthIndex index, int[] byName, List<Integer> chunks,
                           List<String> firsts) {
        // bucket first, then the token: the order the merge writes the buckets in (a stable
        // counting sort by bucket of the tokens in text order)
        int[] bucketOf = new int[byName.length];
        int[] bucketStart = new int[BUCKETS + 1];
        for (int t : byName) {
            bucketOf[t] = TokenHash.bucket(index.name(t), BUCKETS);
            bucketStart[bucketOf[t] + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] order = new int[byName.length];
        for (int t : byName) {
            order[bucketStart[bucketOf[t]]++] = t;
        }
        ByteBuf list = new ByteBuf(1 << 16);
        list.number(index.items().size()).put('\t');
        int[] firstRef = new int[32];
        int[] lastRef = new int[32];
        Arrays.fill(firstRef, -1);
        for (int ref = 0; ref < index.items().size(); ref++) {
            int day = index.items().get(ref).windowDate().getDayOfMonth();
            firstRef[day] = firstRef[day] < 0 ? ref : firstRef[day];
            lastRef[day] = ref;
        }
        String separator = "";
        for (int day = 1; day < 32; day++) {
            if (firstRef[day] >= 0) {
                list.ascii(separator).number(day).put(',').number(firstRef[day]).put(',').number(lastRef[day]);
                separator = ",";
            }
        }
        list.put('\t');
        for (int c = 0; c < chunks.size(); c++) {
            list.ascii(c == 0 ? "" : ",").number(chunks.get(c));
        }
        for (String first : firsts) {
            list.put('\t').put(first.getBytes(StandardCharsets.UTF_8));
        }
        list.put('\n');
        StringBuilder positions = new StringBuilder();
        for (int t : order) {
            int df = index.df(t);
            list.put(index.name(t).getBytes(StandardCharsets.UTF_8)).put('\t').number(df);
            if (df <= INLINE) {
                list.put('\t');
                for (int i = 0; i < df; i++) {
                    int ref = index.ref(t, i);
                    if (i > 0) {
                        list.put(',');
                    }
                    positions.setLength(0);
                    index.appendPosting(positions, t, i, false);
                    list.ascii(MonthIndex.ref(ref)).ascii(positions.toString());
                }
            }
            list.put('\n');
        }
        out.write(path(month), stream -> {
            LIST_DEFLATERS.gzip(list.array(), list.size(), stream);
        });
    }

    private static BufferedReader openList(OutputWriter out, YearMonth month) throws IOException {
        return new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(out.resolve(path(month))), 1 << 16), StandardCharsets.UTF_8),
                1 << 16);
    }

    private static SearchIndexOutput.MonthEntry head(YearMonth month, String line) throws IOException {
        String[] head = line == null ? new String[0] : line.split("\t", -1);
        if (head.length < 3 || !COUNT.matcher(head[0]).matches() || !NUMBERS.matcher(head[1]).matches()
                || !SOME_NUMBERS.matcher(head[2]).matches()) {
            throw new IOException(path(month) + ": no head line");
        }
        return new SearchIndexOutput.MonthEntry(month, Integer.parseInt(head[0]), numbers(head[1]), numbers(head[2]),
                List.of(head).subList(3, head.length));
    }

    private static List<Integer> numbers(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.stream(commaSeparated.split(",")).map(Integer::valueOf).toList();
    }

    private static int yyyymm(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** One month's token list being read by the merge. */
    private static final class Cursor implements AutoCloseable {
        final SearchIndexOutput.MonthEntry month;
        final int yyyymm;
        final BufferedReader reader;
        final BucketHasher hasher = new BucketHasher();
        String token;
        int bucket;
        BucketText.Entry entry;

        Cursor(OutputWriter out, YearMonth month) throws IOException {
            reader = openList(out, month);
            this.month = head(month, reader.readLine());
            this.yyyymm = yyyymm(month);
        }

        boolean advance() throws IOException {
            String line = reader.readLine();
            if (line == null) {
                return false;
            }
            Line parsed = Line.parse(line);
            token = parsed.token();
            bucket = TokenHash.bucket(token, BUCKETS);
            entry = parsed.entry(yyyymm);
            hasher.add(bucket, token, entry);
            return true;
        }

        /** Bucket, then token, then the newer month first: the order of the directory. */
        int compareTo(Cursor other) {
            if (bucket != other.bucket) {
                return Integer.compare(bucket, other.bucket);
            }
            int byToken = token.compareTo(other.token);
            return byToken != 0 ? byToken : Integer.compare(other.yyyymm, yyyymm);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** One line of a month's token list: token, df and, for a rare token, its refs. */
    private record Line(String token, int df, String postings) {
        static Line parse(String line) throws IOException {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException("not a token list line: " + line);
            }
            int tab2 = line.indexOf('\t', tab + 1);
            int dfEnd = tab2 < 0 ? line.length() : tab2;
            return new Line(line.substring(0, tab), Integer.parseInt(line, tab + 1, dfEnd, 10),
                    tab2 < 0 ? null : line.substring(tab2 + 1));
        }

        BucketText.Entry entry(int yyyymm) {
            return new BucketText.Entry(yyyymm, df, postings);
        }
    }

    /**
     * What the directory says of a token in one month.
     *
     * @param postings the refs of a rare token, or null when its shard is to be read
     */
    /** Hashes of a month's part of each bucket, fed its entries in list order. */
    private static final class BucketHasher {
        final long[] hashes = new long[BUCKETS];

        void add(int bucket, String token, BucketText.Entry entry) {
            long h = hashes[bucket] == EMPTY ? 0xcbf29ce484222325L : hashes[bucket];
            h = mix(h, token);
            h = mixHalves(h, entry.df());
            h = mix(h, entry.postings() == null ? "" : entry.postings());
            hashes[bucket] = h == EMPTY || h == DIRTY ? 2 : h;
        }

        /** The low then the high 16 bits of a value. */
        private static long mixHalves(long hash, int v) {
            long h = (hash ^ (v & 0xFFFF)) * 0x100000001b3L;
            return (h ^ (v >>> 16 & 0xFFFF)) * 0x100000001b3L;
        }

        private static long mix(long hash, String text) {
            long h = hash;
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * 0x100000001b3L;
            }
            return (h ^ 0x10000) * 0x100000001b3L; // separator: not a UTF-16 unit
        }
    }

    /** A month's whole token list, grouped by bucket. */
    private static final class MonthList {
        final SearchIndexOutput.MonthEntry entry;
        final long[] hashes;
        final String[] tokens;
        final BucketText.Entry[] entries;
        /** Entries of bucket b are [start[b], start[b+1]). */
        final int[] start = new int[BUCKETS + 1];

        MonthList(OutputWriter out, YearMonth month) throws IOException {
            List<String> tokenList = new ArrayList<>();
            List<BucketText.Entry> entryList = new ArrayList<>();
            BucketHasher hasher = new BucketHasher();
            int[] counts = new int[BUCKETS];
            try (BufferedReader reader = openList(out, month)) {
                entry = head(month, reader.readLine());
                int previous = -1;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Line parsed = Line.parse(line);
                    String token = parsed.token();
                    int bucket = TokenHash.bucket(token, BUCKETS);
                    if (bucket < previous) {
                        throw new IOException(path(month) + ": not in bucket order");
                    }
                    previous = bucket;
                    BucketText.Entry e = parsed.entry(yyyymm(month));
                    hasher.add(bucket, token, e);
                    counts[bucket]++;
                    tokenList.add(token);
                    entryList.add(e);
                }
            }
            hashes = hasher.hashes;
            tokens = tokenList.toArray(new String[0]);
            entries = entryList.toArray(new BucketText.Entry[0]);
            for (int b = 0; b < BUCKETS; b++) {
                start[b + 1] = start[b] + counts[b];
            }
        }
    }

    /**
     * Brings every directory bucket up to date with the token lists of the given months (empty
     * buckets are written too, so the page never meets a missing file), and returns what the
     * manifest says of them, in the order given.
     *
     * @param months  the months with a token list, newest first
     * @param changed months whose token list may differ from what the directory holds
     */
    static List<SearchIndexOutput.MonthEntry> update(OutputWriter out, List<YearMonth> months, Set<YearMonth> changed,
                                                     SearchFiles files) {
        try {
            Set<YearMonth> recorded = recordedMonths(out);
            Set<YearMonth> reconcile = new TreeSet<>();
            for (YearMonth m : months) {
                if (changed.contains(m) || !recorded.contains(m)) {
                    reconcile.add(m);
                }
            }
            for (YearMonth m : recorded) {
                if (!months.contains(m)) {
                    reconcile.add(m);
                }
            }
            boolean full = Files.exists(out.resolve(FULL_MERGE_MARKER)) || recorded.isEmpty()
                    || reconcile.containsAll(months);
            if (!full) {
                try {
                    return incremental(out, months, reconcile, files);
                } catch (IOException e) {
                    // a bucket or record that cannot be read: merge everything afresh
                }
            }
            return write(out, months, recorded, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<YearMonth> recordedMonths(OutputWriter out) throws IOException {
        Set<YearMonth> months = new TreeSet<>();
        Path dir = out.resolve(STATE_DIR);
        if (!Files.isDirectory(dir)) {
            return months;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (STATE_FILE.matcher(name).matches()) {
                    months.add(YearMonth.parse(name.substring(0, 7)));
                }
            }
        }
        return months;
    }

    private static long[] readState(OutputWriter out, YearMonth month) throws IOException {
        Path file = out.resolve(statePath(month));
        if (!Files.exists(file)) {
            return new long[BUCKETS]; // never merged: the directory holds nothing of it
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != BUCKETS * Long.BYTES) {
            throw new IOException(file + ": not a directory record");
        }
        long[] hashes = new long[BUCKETS];
        ByteBuffer.wrap(bytes).asLongBuffer().get(hashes);
        return hashes;
    }

    private static void writeState(OutputWriter out, YearMonth month, long[] hashes) {
        ByteBuffer buffer = ByteBuffer.allocate(BUCKETS * Long.BYTES);
        buffer.asLongBuffer().put(hashes);
        out.writeBytes(statePath(month), buffer.array());
    }

    /** Rewrites only the buckets where a reconciled month's part differs from the record. */
    private static List<SearchIndexOutput.MonthEntry> incremental(OutputWriter out, List<YearMonth> months,
                                                                  Set<YearMonth> reconcile, SearchFiles files)
            throws IOException {
        Map<YearMonth, MonthList> lists = new TreeMap<>();
        Map<YearMonth, BitSet> changedBuckets = new TreeMap<>();
        BitSet anyChanged = new BitSet(BUCKETS);
        for (YearMonth m : reconcile) {
            long[] old = readState(out, m);
            MonthList list = months.contains(m) ? new MonthList(out, m) : null;
            long[] now = list == null ? new long[BUCKETS] : list.hashes;
            BitSet diff = new BitSet(BUCKETS);
            long[] marked = old.clone();
            for (int b = 0; b < BUCKETS; b++) {
                if (old[b] != now[b]) {
                    diff.set(b);
                    marked[b] = DIRTY;
                }
            }
            if (list != null) {
                lists.put(m, list);
            }
            if (!diff.isEmpty()) {
                changedBuckets.put(m, diff);
                anyChanged.or(diff);
                // before any bucket changes: a build killed from here on redoes these buckets
                writeState(out, m, marked);
            }
        }
        for (int b = anyChanged.nextSetBit(0); b >= 0; b = anyChanged.nextSetBit(b + 1)) {
            TreeMap<String, BucketText.Entry[]> bucket = readBucket(out, b);
            for (Map.Entry<YearMonth, BitSet> e : changedBuckets.entrySet()) {
                if (e.getValue().get(b)) {
                    replaceMonth(bucket, e.getKey(), lists.get(e.getKey()), b);
                }
            }
            files.writeJson(SearchFiles.directoryKey(b), bucketJson(bucket));
        }
        for (YearMonth m : reconcile) {
            MonthList list = lists.get(m);
            if (list == null) {
                out.delete(statePath(m));
            } else {
                writeState(out, m, list.hashes);
            }
        }
        List<SearchIndexOutput.MonthEntry> entries = new ArrayList<>();
        for (YearMonth m : months) {
            MonthList list = lists.get(m);
            if (list != null) {
                entries.add(list.entry);
            } else {
                try (BufferedReader reader = openList(out, m)) {
                    entries.add(head(m, reader.readLine()));
                }
            }
        }
        return entries;
    }

    /** A bucket as written: token → its months' entries, newest first; tokens in String order. */
    private static TreeMap<String, BucketText.Entry[]> readBucket(OutputWriter out, int b) throws IOException {
        String key = SearchFiles.directoryKey(b);
        Path file = out.resolve(SearchFiles.DIR + key + ".js");
        byte[] bytes = SearchFiles.decode(key, Files.readAllBytes(file));
        TreeMap<String, BucketText.Entry[]> bucket = new TreeMap<>();
        JsonNode json = JSON.readTree(bytes);
        if (json == null || !json.path("tokens").isTextual() || !json.path("entries").isTextual()) {
            throw new IOException(file + ": not a directory bucket");
        }
        String tokens = json.get("tokens").asText();
        if (!tokens.isEmpty()) {
            String[] names = tokens.split("\n", -1);
            String[] lines = json.get("entries").asText().split("\n", -1);
            if (names.length != lines.length) {
                throw new IOException(file + ": not a directory bucket");
            }
            for (int i = 0; i < names.length; i++) {
                bucket.put(names[i], BucketText.parse(lines[i], file.toString()));
            }
        }
        return bucket;
    }

    /** Replaces (or removes, when list is null) a month's entries in one bucket. */
    private static void replaceMonth(TreeMap<String, BucketText.Entry[]> bucket, YearMonth month, MonthList list, int b) {
        int ym = yyyymm(month);
        bucket.replaceAll((token, entries) -> Arrays.stream(entries).filter(e -> e.yyyymm() != ym).toArray(BucketText.Entry[]::new));
        if (list != null) {
            for (int i = list.start[b]; i < list.start[b + 1]; i++) {
                bucket.merge(list.tokens[i], new BucketText.Entry[] {list.entries[i]}, TokenDirectory::insert);
            }
        }
        bucket.values().removeIf(entries -> entries.length == 0);
    }

    /** Inserts one month's entry keeping months newest first. */
    private static BucketText.Entry[] insert(BucketText.Entry[] entries, BucketText.Entry[] one) {
        int at = 0;
        while (at < entries.length && entries[at].yyyymm() > one[0].yyyymm()) {
            at++;
        }
        BucketText.Entry[] merged = new BucketText.Entry[entries.length + 1];
        System.arraycopy(entries, 0, merged, 0, at);
        merged[at] = one[0];
        System.arraycopy(entries, at, merged, at + 1, entries.length - at);
        return merged;
    }

    private static Json.Body bucketJson(TreeMap<String, BucketText.Entry[]> bucket) {
        BucketText text = new BucketText();
        for (Map.Entry<String, BucketText.Entry[]> e : bucket.entrySet()) {
            text.token(e.getKey());
            for (BucketText.Entry entry : e.getValue()) {
                text.entry(entry);
            }
        }
        return text.json();
    }

    /**
     * The full merge: writes every bucket from the token lists of the given months, and the
     * records of what the directory now holds of each.
     */
    private static List<SearchIndexOutput.MonthEntry> write(OutputWriter out, Collection<YearMonth> months,
                                                            Set<YearMonth> recorded, SearchFiles files) {
        out.writeBytes(FULL_MERGE_MARKER, "a full merge of the token directory is running\n"
                .getBytes(StandardCharsets.UTF_8));
        List<Cursor> cursors = new ArrayList<>();
        try {
            PriorityQueue<Cursor> queue = new PriorityQueue<>(Cursor::compareTo);
            for (YearMonth month : months) {
                Cursor c = new Cursor(out, month);
                cursors.add(c);
                if (c.advance()) {
                    queue.add(c);
                }
            }
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                BucketText text = new BucketText();
                while (!queue.isEmpty() && queue.peek().bucket == bucket) {
                    String token = queue.peek().token;
                    text.token(token);
                    while (!queue.isEmpty() && queue.peek().token.equals(token)) {
                        Cursor c = queue.poll();
                        text.entry(c.entry);
                        if (c.advance()) {
                            queue.add(c);
                        }
                    }
                }
                files.writeJson(SearchFiles.directoryKey(bucket), text.json());
            }
            for (Cursor c : cursors) {
                writeState(out, c.month.month(), c.hasher.hashes);
            }
            for (YearMonth m : recorded) {
                if (!months.contains(m)) {
                    out.delete(statePath(m));
                }
            }
            out.delete(FULL_MERGE_MARKER);
            return cursors.stream().map(c -> c.month).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Cursor c : cursors) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // read-only streams; nothing is lost
                }
            }
        }
    }
}
