package telegraph.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes shards: each a complete elasticlunr 0.9.5 index ({@code elasticlunr.Index.load}) over
 * some tokens of one month. It holds every posting of its tokens in that month, so it says
 * exactly which of the month's items hold each of them. The page uses a shard for that only:
 * it checks every candidate against the item's text and scores from the text, so a posting's
 * {@code tf} is just the token's count in the item (nearly always 1, which deflate packs well),
 * and the documentStore stays empty.
 *
 * <p>One writer per month (one thread): the refs' JSON keys are made once for all its shards.
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
    /**
     * A posting is copied as two longs, whatever its length up to this (nearly all are 13–16
     * bytes): two plain moves instead of a call of the array-copy routine, the larger part of the
     * time spent on a shard's bytes. The bytes copied past its end are overwritten by the next.
     */
    private static final int WORD_COPY = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MonthIndex month;
    /**
     * {@code "ref":{"tf":…}} of every item of the month for a token it holds once (the usual
     * case), one after another in one array: a token's postings, ascending, read it forwards.
     * At least {@link #WORD_COPY} bytes longer, so that the last posting too can be read as two longs.
     */
    private final byte[] postingPool;
    /** Where each ref's posting starts in the pool; one more for the end of the last. */
    private final int[] postingStart;
    /** Length of the {@code "ref":} part of each ref's posting. */
    private final int[] keyLength;
    /** Bytes a posting and its comma take at most: the longest key and the longest {@code {"tf":…}}. */
    private final int maxPosting;
    /** {@code {"tf":…}} by count, made once per month (a map for rare large ones). */
    private final byte[][] tfs = new byte[32][];
    private final Map<Integer, byte[]> largeTfs = new HashMap<>();

    ShardWriter(MonthIndex month) {
        this.month = month;
        int refs = month.items().size();
        postingStart = new int[refs + 1];
        keyLength = new int[refs];
        ByteBuf pool = new ByteBuf(refs * 16);
        for (int ref = 0; ref < refs; ref++) {
            postingStart[ref] = pool.size();
            pool.put('"').ascii(MonthIndex.ref(ref)).put('"').put(':');
            keyLength[ref] = pool.size() - postingStart[ref];
            pool.put(tfObject(1));
        }
        postingStart[refs] = pool.size();
        postingPool = pool.reserve(WORD_COPY);
        int longestKey = 0;
        for (int length : keyLength) {
            longestKey = Math.max(longestKey, length);
        }
        maxPosting = longestKey + "{\"tf\":}".length() + 10 + 1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] tfObject(int count) {
        if (count < tfs.length) {
            if (tfs[count] == null) {
                tfs[count] = ascii("{\"tf\":" + count + "}");
            }
            return tfs[count];
        }
        return largeTfs.computeIfAbsent(count, c -> ascii("{\"tf\":" + c + "}"));
    }

    /**
     * Writes the shard of tokens[from, to) onto the end of {@code b}.
     *
     * @param tokens token ids sorted by their text (so that the trie is written in one pass)
     */
    void write(ByteBuf b, int[] tokens, int from, int to) {
        b.put(HEAD).number(month.items().size()).put(INDEX);
        writeNode(b, tokens, from, to, 0);
        b.put(TAIL);
    }

    /**
     * A token's postings, comma-separated: the bulk of every shard, so copied into room made once
     * rather than checking for room at every posting.
     */
    private void writePostings(ByteBuf b, int token, int df) {
        byte[] out = b.reserve(df * maxPosting + WORD_COPY);
        int pos = b.size();
        for (int i = 0; i < df; i++) {
            if (i > 0) {
                out[pos++] = ',';
            }
            int ref = month.ref(token, i);
            int count = month.count(token, i);
            int at = postingStart[ref];
            int length = count == 1 ? postingStart[ref + 1] - at : keyLength[ref];
            if (length <= WORD_COPY) {
                LONGS.set(out, pos, (long) LONGS.get(postingPool, at));
                LONGS.set(out, pos + 8, (long) LONGS.get(postingPool, at + 8));
            } else {
                System.arraycopy(postingPool, at, out, pos, length);
            }
            pos += length;
            if (count != 1) {
                byte[] tf = tfObject(count);
                System.arraycopy(tf, 0, out, pos, tf.length);
                pos += tf.length;
            }
        }
        b.size(pos);
    }

    /**
     * Writes the trie node for the common prefix (length {@code depth}) of tokens[from, to):
     * one nested object per UTF-16 code unit, {@code docs}/{@code df} filled where a token ends.
     */
    private void writeNode(ByteBuf b, int[] tokens, int from, int to, int depth) {
        b.put(DOCS);
        int start = from;
        int df = 0;
        if (from < to && month.name(tokens[from]).length() == depth) {
            int token = tokens[from];
            df = month.df(token);
            writePostings(b, token, df);
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
            writeNode(b, tokens, i, end, depth + 1);
            i = end;
        }
        b.put('}');
    }
}
