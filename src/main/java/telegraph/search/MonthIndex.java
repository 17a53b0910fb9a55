package telegraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import telegraph.model.Day;
import telegraph.model.Item;

/**
 * The inverted index of one month, the unit the builder hands over. Refs are the items'
 * positions in the month in time order, so a larger ref is a newer item and refs stay short.
 *
 * <p>Built with primitive arrays: a token is an int id (bigrams are looked up by their two
 * characters without making a string), and each token's postings are one growing int array of
 * (ref, count) pairs. Items are read in ref order, so a token met again in the same item finds
 * that item's pair last in its array and only counts up.
 */
final class MonthIndex {

    private final List<Item> items = new ArrayList<>();
    private final int[] fieldLengths;
    private long postingCount;

    // vocabulary: bigram (first << 16 | second) -> id in an open-addressing table; words by their
    // characters' hash in another, so that no string is made for a word met before
    private int[] bigramKeys = new int[1 << 14];
    private int[] bigramIds = new int[1 << 14];
    private int bigramCount;
    private int[] wordSlots = new int[1 << 12]; // id + 1 of the word in each slot, 0 if free
    private int wordCount;
    private String[] names = new String[1 << 12];
    private int[][] postings = new int[1 << 12][];
    private int[] postingSizes = new int[1 << 12];
    private int tokenCount;

    /** The ref of the item being read; its token count so far. */
    private int current;
    private int length;

    MonthIndex(List<Day> days) {
        days.forEach(d -> items.addAll(d.items()));
        fieldLengths = new int[items.size()];
        Tokenizer.Sink sink = new Tokenizer.Sink() {
            @Override
            public void bigram(char first, char second) {
                push(bigramId(first, second));
            }

            @Override
            public void word(char[] chars, int length) {
                push(wordId(chars, length));
            }
        };
        for (int ref = 0; ref < items.size(); ref++) {
            current = ref;
            length = 0;
            Tokenizer.scan(SearchText.of(items.get(ref)), sink);
            fieldLengths[ref] = length;
        }
    }

    /** One occurrence of a token in the current item. */
    private void push(int id) {
        length++;
        int[] p = postings[id];
        int size = postingSizes[id];
        if (size > 0 && p[size - 2] == current) {
            p[size - 1]++;
            return;
        }
        if (size + 2 > p.length) {
            p = Arrays.copyOf(p, p.length * 2);
            postings[id] = p;
        }
        p[size] = current;
        p[size + 1] = 1;
        postingSizes[id] = size + 2;
        postingCount++;
    }

    private int bigramId(char first, char second) {
        int key = first << 16 | second; // never 0: a Han character is above 0x3400
        int mask = bigramKeys.length - 1;
        int slot = (key * 0x9E3779B9) >>> 7 & mask;
        while (true) {
            int k = bigramKeys[slot];
            if (k == key) {
                return bigramIds[slot];
            }
            if (k == 0) {
                int id = newToken(new String(new char[] {first, second}));
                bigramKeys[slot] = key;
                bigramIds[slot] = id;
                if (++bigramCount * 2 > bigramKeys.length) {
                    growBigrams();
                }
                return id;
            }
            slot = slot + 1 & mask;
        }
    }

    private int wordId(char[] chars, int length) {
        int mask = wordSlots.length - 1;
        int slot = wordHash(chars, length) & mask;
        while (true) {
            int id = wordSlots[slot] - 1;
            if (id < 0) {
                id = newToken(new String(chars, 0, length));
                wordSlots[slot] = id + 1;
                if (++wordCount * 2 > wordSlots.length) {
                    growWords();
                }
                return id;
            }
            if (sameWord(names[id], chars, length)) {
                return id;
            }
            slot = slot + 1 & mask;
        }
    }

    private static int wordHash(char[] chars, int length) {
        int h = 0;
        for (int k = 0; k < length; k++) {
            h = 31 * h + chars[k];
        }
        return h * 0x9E3779B9 >>> 7;
    }

    private static boolean sameWord(String name, char[] chars, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (name.charAt(k) != chars[k]) {
                return false;
            }
        }
        return true;
    }

    private void growWords() {
        int[] old = wordSlots;
        wordSlots = new int[old.length * 2];
        int mask = wordSlots.length - 1;
        for (int id : old) {
            if (id != 0) {
                char[] chars = names[id - 1].toCharArray();
                int slot = wordHash(chars, chars.length) & mask;
                while (wordSlots[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                wordSlots[slot] = id;
            }
        }
    }

    private void growBigrams() {
        int[] keys = bigramKeys;
        int[] ids = bigramIds;
        bigramKeys = new int[keys.length * 2];
        bigramIds = new int[keys.length * 2];
        int mask = bigramKeys.length - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                int slot = (keys[i] * 0x9E3779B9) >>> 7 & mask;
                while (bigramKeys[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                bigramKeys[slot] = keys[i];
                bigramIds[slot] = ids[i];
            }
        }
    }

    private int newToken(String name) {
        if (tokenCount == names.length) {
            names = Arrays.copyOf(names, tokenCount * 2);
            postings = Arrays.copyOf(postings, tokenCount * 2);
            postingSizes = Arrays.copyOf(postingSizes, tokenCount * 2);
        }
        names[tokenCount] = name;
        postings[tokenCount] = new int[4];
        return tokenCount++;
    }

    List<Item> items() {
        return items;
    }

    /** Number of distinct tokens; ids are 0..tokenCount-1. */
    int tokenCount() {
        return tokenCount;
    }

    String name(int token) {
        return names[token];
    }

    /** Number of items holding the token. */
    int df(int token) {
        return postingSizes[token] >> 1;
    }

    /** The i-th item holding the token, ascending. */
    int ref(int token, int i) {
        return postings[token][i << 1];
    }

    /** How often the token occurs in its i-th item. */
    int count(int token, int i) {
        return postings[token][(i << 1) + 1];
    }

    /** Token count of an item's text: elasticlunr's field length, used to normalise scores. */
    int fieldLength(int ref) {
        return fieldLengths[ref];
    }

    long postingCount() {
        return postingCount;
    }

    /** Refs are written in base 36 to keep the many copies of them in the JSON short. */
    static String ref(int ref) {
        return Integer.toString(ref, 36);
    }
}
