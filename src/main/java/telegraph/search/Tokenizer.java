package telegraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits text into search tokens. Stock elasticlunr splits on spaces, which leaves a Chinese
 * sentence as one token, so the page replaces {@code elasticlunr.tokenizer} with this same
 * algorithm ({@code templates/assets/search.js}); any change here must be made there too.
 *
 * <ul>
 *   <li>Full-width ASCII is folded to ASCII and A–Z lower-cased (nothing else, so Java and
 *       JavaScript case rules cannot disagree).</li>
 *   <li>A run of two or more Han characters gives its overlapping bigrams; a lone Han character
 *       gives nothing: one-character words would need a unigram index about as large as the
 *       bigram one, for queries that match half the archive anyway.</li>
 *   <li>A run of {@code [a-z0-9]} is one token; two runs joined by a single dot also give the
 *       dotted whole ({@code 600519.sh}, {@code 3.5}), so a stock code is found both whole and
 *       by its bare number.</li>
 *   <li>Everything else, including characters outside the BMP, separates tokens: the index is
 *       a trie of UTF-16 code units and a lone surrogate would not survive JSON.</li>
 * </ul>
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /**
     * Receives the tokens of a text in order, without a string made for each: bigrams as their
     * two characters, words as the first {@code length} characters of a reused array.
     */
    interface Sink {
        void bigram(char first, char second);

        void word(char[] chars, int length);
    }

    /** Tokens in text order, repeated as often as they occur (elasticlunr counts them). */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        scan(text.toCharArray(), text.length(), new Sink() {
            @Override
            public void bigram(char first, char second) {
                tokens.add(new String(new char[] {first, second}));
            }

            @Override
            public void word(char[] chars, int length) {
                tokens.add(new String(chars, 0, length));
            }
        });
        return tokens;
    }

    /**
     * The one tokenising loop, over the first {@code n} characters of {@code text}: {@link #tokens}
     * and the index builder both use it.
     */
    static void scan(char[] text, int n, Sink sink) {
        char[] word = new char[16];
        char[] previous = new char[16];
        char[] dotted = new char[33];
        int previousLength = 0;
        int previousWordEnd = -2;
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
                    sink.bigram(text[k], text[k + 1]);
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
                sink.word(word, length);
                if (previousWordEnd == i - 1 && fold(text[i - 1]) == '.') {
                    int total = previousLength + 1 + length;
                    if (total > dotted.length) {
                        dotted = new char[total];
                    }
                    System.arraycopy(previous, 0, dotted, 0, previousLength);
                    dotted[previousLength] = '.';
                    System.arraycopy(word, 0, dotted, previousLength + 1, length);
                    sink.word(dotted, total);
                }
                char[] swap = previous;
                previous = word;
                word = swap;
                previousLength = length;
                previousWordEnd = end;
                i = end;
            } else {
                i++;
            }
        }
    }

    /** Distinct tokens in first-occurrence order: what a query asks for (an AND of these). */
    public static List<String> queryTokens(String query) {
        return tokens(query).stream().distinct().toList();
    }

    /** Full-width ASCII to ASCII, then A–Z to a–z. */
    private static char fold(char c) {
        char folded = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
        return folded >= 'A' && folded <= 'Z' ? (char) (folded + 32) : folded;
    }

    static boolean isHan(char c) {
        return (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF');
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
