import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import telegraph.search.Tokenizer;

/**
 * Issue 29's designs for exact totals from the index, measured on a built site (not production
 * code): what each adds to the postings a month's index holds, what writing it costs, and what a
 * query must read to get its exact per-month total, laid out month-major (today: a month's shards
 * of ~100,000 postings) or token-major (one file per token and year).
 *
 * <ul>
 *   <li>base: today's postings, {@code gap[:count]};</li>
 *   <li>(a) positions: each Han bigram's char offsets in the item ({@code gap:o.o.o}, offsets gap-coded,
 *       their number being the count), words as today;</li>
 *   <li>(a+) positions of every token, words too;</li>
 *   <li>(b) next characters: each bigram posting followed by the Han characters that follow it in the item;</li>
 *   <li>(c) trigram tokens: every Han trigram as a token of its own, beside the bigrams;</li>
 *   <li>(c') trigram tokens only where both of its bigrams are in more than 3 items of the month.</li>
 * </ul>
 *
 * <p>Reads the text the index is built from out of the export's chunks ({@code data/YYYY-MM/N.js}),
 * cut as {@code Tokenizer.scan} does. Usage:
 * {@code java -cp target/telegraph.jar bench/IndexOptions.java SITE QUERY…}
 */
public class IndexOptions {

    static final String[] OPTIONS = {"base", "a", "a+", "b", "c", "c'"};
    static final int SHARD_POSTINGS = 100_000;
    static final int RARE = 3;

    /** One token's postings in a month: refs ascending, own-text offsets, next chars. */
    static final class Posting {
        final List<Integer> refs = new ArrayList<>();
        final List<StringBuilder> offsets = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        final List<StringBuilder> next = new ArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        List<String> queries = List.of(args).subList(1, args.length);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<String, long[]> bytes = new LinkedHashMap<>(); // option -> [raw chars, deflated bytes]
        Map<String, Long> cpuNs = new LinkedHashMap<>();
        for (String o : OPTIONS) {
            bytes.put(o, new long[2]);
            cpuNs.put(o, 0L);
        }
        // query -> option -> [token-major bytes, month-major bytes]
        Map<String, Map<String, long[]>> perQuery = new LinkedHashMap<>();
        Map<String, List<String>> queryTokens = new LinkedHashMap<>();
        for (String q : queries) {
            perQuery.put(q, new LinkedHashMap<>());
            for (String o : OPTIONS) {
                perQuery.get(q).put(o, new long[2]);
            }
        }
        // token-major: per option, per token, per year the postings text (months joined)
        Map<String, Map<String, Map<String, StringBuilder>>> tokenYear = new HashMap<>();
        for (String o : OPTIONS) {
            tokenYear.put(o, new HashMap<>());
        }
        long items = 0;
        List<Path> months;
        try (Stream<Path> list = Files.list(site.resolve("data"))) {
            months = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path monthDir : months) {
            String month = monthDir.getFileName().toString();
            List<JsonNode> rows = readMonth(monthDir);
            items += rows.size();
            long t0 = cpu.getCurrentThreadCpuTime();
            TreeMap<String, Posting> index = index(rows, false);
            long tBase = cpu.getCurrentThreadCpuTime() - t0;
            t0 = cpu.getCurrentThreadCpuTime();
            TreeMap<String, Posting> withTrigrams = index(rows, true);
            long tTri = cpu.getCurrentThreadCpuTime() - t0;
            for (String o : OPTIONS) {
                TreeMap<String, Posting> source = o.startsWith("c") ? withTrigrams : index;
                t0 = cpu.getCurrentThreadCpuTime();
                // the month's tokens, each with its postings text, and the month-major shards
                List<String> names = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Map.Entry<String, Posting> e : source.entrySet()) {
                    String t = e.getKey();
                    if (o.equals("c'") && t.length() == 3 && isHan(t.charAt(0))) {
                        Posting x = index.get(t.substring(0, 2));
                        Posting y = index.get(t.substring(1));
                        if (x.refs.size() <= RARE || y.refs.size() <= RARE) {
                            continue;
                        }
                    }
                    names.add(t);
                    texts.add(encode(o, t, e.getValue()));
                }
                long tEncode = cpu.getCurrentThreadCpuTime() - t0;
                cpuNs.merge(o, tEncode + (o.startsWith("c") ? tTri : tBase), Long::sum);
                // shards: tokens above RARE, packed in name order; rare tokens in the directory
                Map<String, Integer> shardOf = new HashMap<>();
                List<Long> shardSizes = new ArrayList<>();
                StringBuilder shard = new StringBuilder();
                StringBuilder rare = new StringBuilder();
                List<String> inShard = new ArrayList<>();
                int postings = 0;
                for (int i = 0; i < names.size(); i++) {
                    String t = names.get(i);
                    int df = source.get(t).refs.size();
                    bytes.get(o)[0] += texts.get(i).length();
                    if (df <= RARE) {
                        rare.append(t).append('\t').append(texts.get(i)).append('\n');
                        continue;
                    }
                    shard.append(t).append('\t').append(texts.get(i)).append('\n');
                    inShard.add(t);
                    postings += df;
                    if (postings >= SHARD_POSTINGS || i == names.size() - 1) {
                        long size = deflated(shard.toString());
                        bytes.get(o)[1] += size;
                        for (String s : inShard) {
                            shardOf.put(s, shardSizes.size());
                        }
                        shardSizes.add(size);
                        shard.setLength(0);
                        inShard.clear();
                        postings = 0;
                    }
                }
                if (shard.length() > 0) {
                    long size = deflated(shard.toString());
                    bytes.get(o)[1] += size;
                    for (String s : inShard) {
                        shardOf.put(s, shardSizes.size());
                    }
                    shardSizes.add(size);
                }
                bytes.get(o)[1] += deflated(rare.toString());
                String year = month.substring(0, 4);
                for (int i = 0; i < names.size(); i++) {
                    tokenYear.get(o).computeIfAbsent(names.get(i), k -> new HashMap<>())
                            .computeIfAbsent(year, k -> new StringBuilder()).append(month).append('\t')
                            .append(texts.get(i)).append('\n');
                }
                for (String q : queries) {
                    List<String> need = needed(o, q);
                    queryTokens.put(q + " " + o, need);
                    long month0 = 0;
                    java.util.Set<Integer> seen = new java.util.HashSet<>();
                    boolean all = true;
                    for (String t : need) {
                        if (!source.containsKey(t)) {
                            all = false;
                        }
                    }
                    if (!all) {
                        continue; // the directory says the month lacks a token: nothing to read
                    }
                    for (String t : need) {
                        Integer shardId = shardOf.get(t);
                        if (shardId != null && seen.add(shardId)) {
                            month0 += shardSizes.get(shardId);
                        }
                    }
                    perQuery.get(q).get(o)[1] += month0;
                }
            }
        }
        for (String q : queries) {
            for (String o : OPTIONS) {
                long sum = 0;
                for (String t : needed(o, q)) {
                    Map<String, StringBuilder> years = tokenYear.get(o).get(t);
                    if (years != null) {
                        for (StringBuilder sb : years.values()) {
                            sum += deflated(sb.toString());
                        }
                    }
                }
                perQuery.get(q).get(o)[0] = sum;
            }
        }
        System.out.printf("%d months, %d items%n", months.size(), items);
        System.out.println("option\tpostings chars\tdeflated bytes\t+base64 (4/3)\tvs base\tCPU s (tokenise+encode)\tµs/item");
        long base = bytes.get("base")[1];
        for (String o : OPTIONS) {
            long[] b = bytes.get(o);
            System.out.printf("%s\t%d\t%d\t%d\t%+.0f %%\t%.2f\t%.1f%n", o, b[0], b[1], b[1] * 4 / 3,
                    100.0 * (b[1] - base) / base, cpuNs.get(o) / 1e9, cpuNs.get(o) / 1e3 / items);
        }
        System.out.println();
        System.out.println("query\toption\ttokens read\ttoken-major kB (per token and year)\tmonth-major kB (whole shards)");
        for (String q : queries) {
            for (String o : OPTIONS) {
                long[] b = perQuery.get(q).get(o);
                System.out.printf("%s\t%s\t%s\t%.0f\t%.0f%n", q, o, needed(o, q), b[0] * 4 / 3 / 1e3, b[1] * 4 / 3 / 1e3);
            }
        }
    }

    /** The tokens whose postings give a query's exact items under an option (Han terms, words). */
    static List<String> needed(String option, String query) {
        List<String> need = new ArrayList<>();
        for (String term : query.split(" ")) {
            String t = term.toLowerCase();
            if (!isHan(t.charAt(0))) {
                need.add(t.length() == 1 ? t : t.substring(0, Math.min(t.length(), 10)) + "*");
                continue;
            }
            if (t.length() == 2 || option.equals("base")) {
                for (int k = 0; k + 1 < t.length(); k++) {
                    need.add(t.substring(k, k + 2));
                }
            } else if (option.startsWith("a")) {
                // bigrams at 0, 2, 4, … and the last: their offsets cover every character
                for (int k = 0; k + 1 < t.length(); k += 2) {
                    need.add(t.substring(k, k + 2));
                }
                if (t.length() % 2 == 1) {
                    need.add(t.substring(t.length() - 2));
                }
            } else if (option.equals("b")) {
                for (int k = 0; k + 2 < t.length(); k++) {
                    need.add(t.substring(k, k + 2)); // each with its next character
                }
            } else {
                for (int k = 0; k + 2 < t.length(); k++) {
                    need.add(t.substring(k, k + 3));
                }
            }
        }
        return need.stream().distinct().toList();
    }

    static String encode(String option, String token, Posting p) {
        StringBuilder sb = new StringBuilder();
        int previous = 0;
        boolean han = isHan(token.charAt(0));
        for (int i = 0; i < p.refs.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            int ref = p.refs.get(i);
            sb.append(Integer.toString(ref - previous, 36));
            previous = ref;
            int count = p.counts.get(i);
            boolean positions = option.equals("a+") || (option.equals("a") && han && token.length() == 2);
            if (positions) {
                sb.append(':').append(p.offsets.get(i));
            } else if (count > 1) {
                sb.append(':').append(count);
            }
            if (option.equals("b") && han && token.length() == 2 && p.next.get(i).length() > 0) {
                sb.append('/').append(p.next.get(i));
            }
        }
        return sb.toString();
    }

    /** A month's postings; trigrams too if asked. Versions add their tokens once, offsets after 'v'. */
    static TreeMap<String, Posting> index(List<JsonNode> rows, boolean trigrams) {
        TreeMap<String, Posting> index = new TreeMap<>();
        for (int ref = 0; ref < rows.size(); ref++) {
            JsonNode item = rows.get(ref);
            List<String> texts = new ArrayList<>();
            StringBuilder rest = new StringBuilder(item.path("source").asText(""));
            for (JsonNode s : item.path("stocks")) {
                rest.append(' ').append(s.path("code").asText());
            }
            texts.add(item.path("title").asText("") + "\n" + item.path("body").asText("") + "\n" + rest);
            for (JsonNode v : item.path("versions")) {
                texts.add(v.path("title").asText("") + "\n" + v.path("body").asText("") + "\n" + v.path("source").asText(""));
            }
            Map<String, int[]> last = new HashMap<>(); // token -> [previous offset] in this item
            for (int k = 0; k < texts.size(); k++) {
                scan(texts.get(k), k, ref, trigrams, index, last);
            }
        }
        return index;
    }

    static void scan(String text, int version, int ref, boolean trigrams, TreeMap<String, Posting> index,
                     Map<String, int[]> last) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = fold(text.charAt(i));
            if (isHan(c)) {
                int end = i + 1;
                while (end < n && isHan(text.charAt(end))) {
                    end++;
                }
                for (int k = i; k + 1 < end; k++) {
                    char next = k + 2 < end ? text.charAt(k + 2) : 0;
                    add(index, last, text.substring(k, k + 2), ref, k, version, next);
                    if (trigrams && next != 0) {
                        add(index, last, text.substring(k, k + 3), ref, k, version, (char) 0);
                    }
                }
                i = end;
            } else if (isWord(c)) {
                int end = i;
                StringBuilder w = new StringBuilder();
                while (end < n && isWord(c = fold(text.charAt(end)))) {
                    w.append(c);
                    end++;
                }
                if (w.length() == 1) {
                    add(index, last, w.toString(), ref, i, version, (char) 0);
                } else {
                    for (int k = 2; k <= Math.min(w.length(), 10); k++) {
                        add(index, last, w.substring(0, k) + "*", ref, i, version, (char) 0);
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    static void add(TreeMap<String, Posting> index, Map<String, int[]> last, String token, int ref, int offset,
                    int version, char next) {
        Posting p = index.computeIfAbsent(token, k -> new Posting());
        int[] prev = last.get(token);
        int at = p.refs.size() - 1;
        if (at < 0 || p.refs.get(at) != ref) {
            p.refs.add(ref);
            p.counts.add(version == 0 ? 1 : 0);
            p.offsets.add(new StringBuilder());
            p.next.add(new StringBuilder());
            at++;
            prev = null;
        } else if (version == 0) {
            p.counts.set(at, p.counts.get(at) + 1);
        }
        StringBuilder o = p.offsets.get(at);
        // offsets gap-coded within a text; an earlier version's start with v and its number
        if (prev == null || prev[1] != version) {
            if (o.length() > 0 || version > 0) {
                o.append(version > 0 ? "v" + version + "." : ".");
            }
            o.append(Integer.toString(offset, 36));
        } else {
            o.append('.').append(Integer.toString(offset - prev[0], 36));
        }
        last.put(token, new int[] {offset, version});
        if (next != 0 && p.next.get(at).indexOf(String.valueOf(next)) < 0) {
            p.next.get(at).append(next);
        }
        if (p.counts.get(at) == 0) {
            p.counts.set(at, 1);
        }
    }

    static List<JsonNode> readMonth(Path monthDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> chunks;
        try (Stream<Path> list = Files.list(monthDir)) {
            chunks = list.filter(p -> p.toString().endsWith(".js"))
                    .sorted((x, y) -> Integer.compare(number(x), number(y))).toList();
        }
        List<JsonNode> rows = new ArrayList<>();
        for (Path chunk : chunks) {
            String js = Files.readString(chunk);
            int end = js.lastIndexOf('"');
            int start = js.lastIndexOf('"', end - 1);
            byte[] gz = Base64.getDecoder().decode(js.substring(start + 1, end));
            String lines = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String line : lines.split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(json.readTree(line));
                }
            }
        }
        return rows;
    }

    static int number(Path chunk) {
        String name = chunk.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - 3));
    }

    static long deflated(String text) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] buf = new byte[1 << 16];
        long size = 0;
        while (!d.finished()) {
            size += d.deflate(buf);
        }
        d.end();
        return size;
    }

    // the tokenizer's own character classes (package-private there), so the prototype cuts text as the index does
    private static final MethodHandle FOLD = tokenizer("fold", char.class);
    private static final MethodHandle IS_HAN = tokenizer("isHan", boolean.class);
    private static final MethodHandle IS_WORD = tokenizer("isWord", boolean.class);

    private static MethodHandle tokenizer(String name, Class<?> returns) {
        try {
            return MethodHandles.privateLookupIn(Tokenizer.class, MethodHandles.lookup())
                    .findStatic(Tokenizer.class, name, MethodType.methodType(returns, char.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static char fold(char c) {
        return (char) call(FOLD, c);
    }

    static boolean isHan(char c) {
        return (boolean) call(IS_HAN, c);
    }

    static boolean isWord(char c) {
        return (boolean) call(IS_WORD, c);
    }

    private static Object call(MethodHandle method, char c) {
        try {
            return method.invoke(c);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
