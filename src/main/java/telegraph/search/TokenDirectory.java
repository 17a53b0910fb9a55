package telegraph.search;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import telegraph.site.OutputWriter;

/**
 * Which months hold a token, and in how many items: {@code dir/B} maps each token of hash
 * bucket B to {@code [yyyymm, df, …]}, newest month first. The page reads it before any shard,
 * so a rare word costs one shard per month it occurs in rather than one per month of the archive,
 * and an AND query skips months lacking one of its words.
 *
 * <p>Builds are incremental and months never all fit in memory, so each month leaves its sorted
 * token list in the output ({@code search/YYYY-MM/tokens.tsv.gz}, headed by its item and shard
 * counts) and {@link #write} merges the lists of every month, changed or not.
 */
final class TokenDirectory {

    static final int BUCKETS = 4096;

    private TokenDirectory() {
    }

    static String path(YearMonth month) {
        return SearchFiles.DIR + month + "/tokens.tsv.gz";
    }

    /** Leaves a month's token list for the merge; called from the month's worker thread. */
    static void writeMonth(OutputWriter out, YearMonth month, MonthIndex index, int shards) {
        int n = index.tokenCount();
        String[] names = new String[n];
        int[] buckets = new int[n];
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            names[t] = index.name(t);
            buckets[t] = TokenHash.bucket(names[t], BUCKETS);
            order[t] = t;
        }
        // bucket first, then the token: the order the merge writes the buckets in
        Arrays.sort(order, (a, b) -> buckets[a] != buckets[b] ? Integer.compare(buckets[a], buckets[b]) : names[a].compareTo(names[b]));
        out.write(path(month), stream -> {
            // GZIPOutputStream writes no time stamp, so the bytes depend on the content only
            GZIPOutputStream gzip = new GZIPOutputStream(stream, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            Writer w = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
            w.write(index.items().size() + "\t" + shards + "\n");
            for (Integer t : order) {
                w.write(names[t]);
                w.write('\t');
                w.write(Integer.toString(index.df(t)));
                w.write('\n');
            }
            w.close();
        });
    }

    /** One month's token list being read by the merge. */
    private static final class Cursor implements AutoCloseable {
        final SearchIndexOutput.MonthEntry month;
        final int yyyymm;
        final BufferedReader reader;
        String token;
        int bucket;
        int df;

        Cursor(OutputWriter out, YearMonth month) throws IOException {
            reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(out.resolve(path(month)))), StandardCharsets.UTF_8));
            String[] head = reader.readLine().split("\t");
            this.month = new SearchIndexOutput.MonthEntry(month, Integer.parseInt(head[0]), Integer.parseInt(head[1]));
            this.yyyymm = month.getYear() * 100 + month.getMonthValue();
        }

        boolean advance() throws IOException {
            String line = reader.readLine();
            if (line == null) {
                return false;
            }
            int tab = line.indexOf('\t');
            token = line.substring(0, tab);
            bucket = TokenHash.bucket(token, BUCKETS);
            df = Integer.parseInt(line.substring(tab + 1));
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * Writes every directory bucket (empty ones too, so the page never meets a missing file)
     * from the token lists of the given months, and returns what the manifest says of them, in
     * the order given.
     */
    static List<SearchIndexOutput.MonthEntry> write(OutputWriter out, Collection<YearMonth> months, SearchFiles files) {
        List<Cursor> cursors = new ArrayList<>();
        try {
            PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparingInt((Cursor c) -> c.bucket)
                    .thenComparing(c -> c.token).thenComparing(c -> -c.yyyymm));
            for (YearMonth month : months) {
                Cursor c = new Cursor(out, month);
                cursors.add(c);
                if (c.advance()) {
                    queue.add(c);
                }
            }
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                int current = bucket;
                files.write(SearchFiles.directoryKey(bucket), Json.bytes(g -> {
                    g.writeStartObject();
                    while (!queue.isEmpty() && queue.peek().bucket == current) {
                        String token = queue.peek().token;
                        g.writeArrayFieldStart(token);
                        while (!queue.isEmpty() && queue.peek().token.equals(token)) {
                            Cursor c = queue.poll();
                            g.writeNumber(c.yyyymm);
                            g.writeNumber(c.df);
                            if (c.advance()) {
                                queue.add(c);
                            }
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }));
            }
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
