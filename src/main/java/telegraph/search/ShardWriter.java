package telegraph.search;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes shards: each a complete elasticlunr 0.9.5 index ({@code elasticlunr.Index.load}) over
 * some tokens of one month. It holds every posting of its tokens in that month, so a query
 * token's scores in the shard equal those in an index of the whole month; {@code length} is
 * the month's item count for the same reason (idf = 1 + ln(length / (df + 1))).
 *
 * <p>elasticlunr scores a document tf · idf · 1/√fieldLength, reading the field length from
 * {@code documentStore.docInfo}, and uses 1 instead when the ref is not a key of
 * {@code documentStore.docs}. A shard would need both entries for every ref, 26 bytes besides the
 * 20 of the posting; instead the documentStore stays empty and each posting's {@code tf} holds
 * √count/√fieldLength (5 significant digits), so elasticlunr computes the same score from the
 * trie alone and shards are half the size.
 *
 * <p>One writer per month (one thread): the refs' JSON keys are made once and the output buffer
 * is reused from shard to shard.
 */
final class ShardWriter {

    /** The one indexed field; a one-letter name as elasticlunr repeats it. */
    static final String FIELD = "b";

    private static final byte[] HEAD = ascii("{\"version\":\"0.9.5\",\"fields\":[\"" + FIELD
            + "\"],\"ref\":\"r\",\"documentStore\":{\"docs\":{},\"docInfo\":{},\"length\":");
    private static final byte[] INDEX = ascii(",\"save\":false},\"index\":{\"" + FIELD + "\":{\"root\":");
    // our tokenizer does all the work; no pipeline functions to register
    private static final byte[] TAIL = ascii("}},\"pipeline\":[]}");
    private static final byte[] DOCS = ascii("{\"docs\":{");
    private static final byte[] DF = ascii("},\"df\":");
    private static final MathContext DIGITS = new MathContext(5, RoundingMode.HALF_EVEN);

    private final MonthIndex month;
    /** {@code "ref":} of every item of the month. */
    private final byte[][] refKeys;
    /** {@code {"tf":…}} by count and field length, made once per month (a map for rare large ones). */
    private final byte[][][] tfs = new byte[32][][];
    private final Map<Long, byte[]> largeTfs = new HashMap<>();
    final ByteBuf buffer = new ByteBuf(1 << 16);

    ShardWriter(MonthIndex month) {
        this.month = month;
        refKeys = new byte[month.items().size()][];
        for (int ref = 0; ref < refKeys.length; ref++) {
            refKeys[ref] = ascii("\"" + MonthIndex.ref(ref) + "\":");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** elasticlunr's tf (√count) times its length norm (1/√fieldLength), as a JSON number. */
    static String tf(int count, int fieldLength) {
        double value = Math.sqrt(count) / Math.sqrt(fieldLength);
        return new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    private byte[] tfObject(int count, int fieldLength) {
        if (count < tfs.length && fieldLength < 4096) {
            byte[][] row = tfs[count];
            if (row == null) {
                row = tfs[count] = new byte[4096][];
            }
            byte[] tf = row[fieldLength];
            if (tf == null) {
                tf = row[fieldLength] = ascii("{\"tf\":" + tf(count, fieldLength) + "}");
            }
            return tf;
        }
        return largeTfs.computeIfAbsent((long) count << 32 | fieldLength, k -> ascii("{\"tf\":" + tf(count, fieldLength) + "}"));
    }

    /**
     * Writes the shard of the given tokens into {@link #buffer}.
     *
     * @param tokens token ids sorted by their text (so that the trie is written in one pass)
     */
    ByteBuf write(int[] tokens, int count) {
        ByteBuf b = buffer;
        b.clear();
        b.put(HEAD).number(month.items().size()).put(INDEX);
        writeNode(tokens, 0, count, 0);
        b.put(TAIL);
        return b;
    }

    /**
     * Writes the trie node for the common prefix (length {@code depth}) of tokens[from, to):
     * one nested object per UTF-16 code unit, {@code docs}/{@code df} filled where a token ends.
     */
    private void writeNode(int[] tokens, int from, int to, int depth) {
        ByteBuf b = buffer;
        b.put(DOCS);
        int start = from;
        int df = 0;
        if (from < to && month.name(tokens[from]).length() == depth) {
            int token = tokens[from];
            df = month.df(token);
            for (int i = 0; i < df; i++) {
                if (i > 0) {
                    b.put(',');
                }
                int ref = month.ref(token, i);
                b.put(refKeys[ref]).put(tfObject(month.count(token, i), month.fieldLength(ref)));
            }
            start++;
        }
        b.put(DF).number(df);
        int i = start;
        while (i < to) {
            char c = month.name(tokens[i]).charAt(depth);
            int end = i + 1;
            while (end < to && month.name(tokens[end]).charAt(depth) == c) {
                end++;
            }
            b.put(',').quotedChar(c).put(':');
            writeNode(tokens, i, end, depth + 1);
            i = end;
        }
        b.put('}');
    }
}
