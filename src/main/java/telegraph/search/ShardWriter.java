package telegraph.search;

import java.io.IOException;

/**
 * Writes shards, each over some tokens of one month: it holds every posting of its tokens in that
 * month, so it says exactly which of the month's items hold each of them. Stored compactly, as
 * {@code {"items": N, "tokens": [...], "postings": [...]}}: a token's postings are its refs in
 * ascending order as base-36 gaps, comma-separated, each followed by {@code :count} where the item holds
 * the token more than once, or, in an index with positions, by the token's positions in the item
 * ({@code ;p.p.p}, {@link MonthIndex#appendPosting}), whose number in the item's own text is the
 * count. The page expands a shard into the elasticlunr 0.9.5
 * index it stands for (one field, {@code b}: the trie of the tokens, each posting
 * {@code {"tf": count}}; an empty documentStore of {@code length} N) and loads that with stock {@code elasticlunr.Index.load};
 * the gaps deflate to about a fifth of what elasticlunr's own JSON of the same postings does.
 */
final class ShardWriter {

    private final MonthIndex month;
    private final StringBuilder postings = new StringBuilder(1 << 16);

    ShardWriter(MonthIndex month) {
        this.month = month;
    }

    /**
     * Writes the shard of tokens[from, to).
     *
     * @param tokens token ids sorted by their text
     */
    void write(ByteBuf b, int[] tokens, int from, int to) throws IOException {
        Json.write(b, g -> {
            g.writeStartObject();
            g.writeNumberField("items", month.items().size());
            g.writeArrayFieldStart("tokens");
            for (int i = from; i < to; i++) {
                g.writeString(month.name(tokens[i]));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("postings");
            for (int i = from; i < to; i++) {
                g.writeString(postings(tokens[i]));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private String postings(int token) {
        StringBuilder sb = postings;
        sb.setLength(0);
        int previous = 0;
        for (int i = 0; i < month.df(token); i++) {
            int ref = month.ref(token, i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Integer.toString(ref - previous, 36));
            previous = ref;
            month.appendPosting(sb, token, i, true);
        }
        return sb.toString();
    }
}
