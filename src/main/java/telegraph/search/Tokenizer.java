package telegraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits text into search tokens. Stock elasticlunr splits on spaces, which leaves a Chinese
 * sentence as one token, so the page replaces {@code elasticlunr.tokenizer} with this same
 * algorithm ({@code templates/assets/search-tokenizer.js}); any change here must be made there too, and
 * {@code src/test/resources/search/tokenizer-cases.json} (read by the Java and the Node test)
 * says what both must give.
 *
 * <ul>
 *   <li>Full-width ASCII is folded to ASCII and A–Z lower-cased (nothing else, so Java and
 *       JavaScript case rules cannot disagree).</li>
 *   <li>A run of two or more Han characters gives its overlapping bigrams; a lone Han character
 *       gives nothing: one-character words would need a unigram index about as large as the
 *       bigram one, for queries that match half the archive anyway.</li>
 *   <li>A run of {@code [a-z0-9]} is a word. In the index a word of one character is a token
 *       as it is; a longer word gives its prefixes of 2 to {@link #PREFIX_MAX} characters, each
 *       marked with {@code *} ({@code hbm4} gives {@code hb*}, {@code hbm*}, {@code hbm4*}), so
 *       a word typed so far ({@code HBM}, {@code Open}, {@code 6005}) is one token whose items
 *       are exactly those holding a word that begins with it.</li>
 *   <li>Everything else, including characters outside the BMP, separates tokens: the index is
 *       a trie of UTF-16 code units and a lone surrogate would not survive JSON.</li>
 * </ul>
 */
public final class Tokenizer {

    /** Longest prefix indexed; a longer word is found by this prefix, then checked in its text. */
    public static final int PREFIX_MAX = 10;
    /** Marks a prefix token; the tokenizer never makes a token holding it. */
    public static final char PREFIX_MARK = '*';

    private Tokenizer() {
    }

    /**
     * Receives the words of a text in order, without a string made for each: bigrams as their
     * two characters, words as the first {@code length} characters of a reused array; each with
     * the offset in the text where it starts, which the index keeps as the token's positions.
     */
    interface Sink {
        void bigram(char first, char second, int at);

        void word(char[] chars, int length, int at);
    }

    /**
     * The text's words in order, repeated as often as they occur: bigrams and whole words. Their
     * number is the length that best-match scores are normalised by.
     */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        scan(text.toCharArray(), text.length(), new Sink() {
            @Override
            public void bigram(char first, char second, int at) {
                tokens.add(new String(new char[] {first, second}));
            }

            @Override
            public void word(char[] chars, int length, int at) {
                tokens.add(new String(chars, 0, length));
            }
        });
        return tokens;
    }

    /** What the index holds of a text, in order, repeated: bigrams, one-character words, word prefixes. */
    public static List<String> indexTokens(String text) {
        List<String> out = new ArrayList<>();
        for (String token : tokens(text)) {
            if (isHan(token.charAt(0)) || token.length() == 1) {
                out.add(token);
            } else {
                for (int k = 2; k <= Math.min(token.length(), PREFIX_MAX); k++) {
                    out.add(token.substring(0, k) + PREFIX_MARK);
                }
            }
        }
        return out;
    }

    /**
     * The one tokenising loop, over the first {@code n} characters of {@code text}: {@link #tokens}
     * and the index builder both use it.
     */
    static void scan(char[] text, int n, Sink sink) {
        char[] word = new char[16];
        int i = 0;
        while (i < n) {
            char c = fold(text[i]);
            if (isHan(c)) {
                int end = i + 1;
                while (end < n && isHan(text[end])) {
                    end++;
                }
                // folding leaves Han characters alone
                for (int k = i; k + 1 < end; k++) {
                    sink.bigram(text[k], text[k + 1], k);
                }
                i = end;
            } else if (isWord(c)) {
                int end = i;
                int length = 0;
                while (end < n && isWord(c = fold(text[end]))) {
                    if (length == word.length) {
                        word = Arrays.copyOf(word, length * 2);
                    }
                    word[length++] = c;
                    end++;
                }
                sink.word(word, length, i);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** Full-width ASCII to ASCII, then A–Z to a–z. */
    static char fold(char c) {
        char folded = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
        return folded >= 'A' && folded <= 'Z' ? (char) (folded + 32) : folded;
    }

    static boolean isHan(char c) {
        return (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF');
    }

    static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
