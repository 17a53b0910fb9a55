package telegraph.search;

/**
 * The hash that places a token in its shard. 32-bit FNV-1a over UTF-16 code units, because the
 * page computes it too ({@code Math.imul} in JavaScript gives the same bits).
 */
public final class TokenHash {

    private TokenHash() {
    }

    public static int hash(String token) {
        int h = 0x811C9DC5;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** Bucket in 0..buckets-1; buckets is a power of two. */
    public static int bucket(String token, int buckets) {
        return hash(token) & (buckets - 1);
    }
}
