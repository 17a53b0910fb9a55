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
 * characters without making a string). While the items are read, in ref order, each (token, ref,
 * count) posting is appended to one array in reading order, and a token met again in the same
 * item counts up its posting there; then a counting sort by token lays the postings out token by
 * token, refs ascending. Appending to one array, rather than to an array per token, keeps the
 * writes of the hot loop in a few cache lines instead of spreading them over the whole vocabulary.
 */
final class MonthIndex {

    private final List<Item> items = new ArrayList<>();
    private final int[] fieldLengths;

    // vocabulary: bigram (first << 16 | second) -> id in an open-addressing table; words by their
    // characters' hash in another, so that no string is made for a word met before
    private int[] bigramKeys = new int[1 << 14];
    private int[] bigramIds = new int[1 << 14];
    private int bigramCount;
    private int[] wordSlots = new int[1 << 12]; // id + 1 of the word in each slot, 0 if free
    private int wordCount;
    private String[] names = new String[1 << 12];
    private int tokenCount;

    // while reading: (token, ref, count) triples in reading order; per token, its posting count,
    // the ref of its last posting and where that posting is
    private int[] read = new int[1 << 16];
    private int readSize;
    private int[] dfs = new int[1 << 12];
    private int[] lastRef = new int[1 << 12];
    private int[] lastPosting = new int[1 << 12];

    // when read: token t's refs and counts are at [start[t], start[t + 1])
    private final int[] start;
    private final int[] refs;
    private final int[] counts;

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
        start = new int[tokenCount + 1];
        for (int t = 0; t < tokenCount; t++) {
            start[t + 1] = start[t] + dfs[t];
        }
        int[] next = Arrays.copyOf(start, tokenCount);
        refs = new int[readSize / 3];
        counts = new int[readSize / 3];
        for (int k = 0; k < readSize; k += 3) {
            int at = next[read[k]]++;
            refs[at] = read[k + 1];
            counts[at] = read[k + 2];
        }
        read = null;
        dfs = lastRef = lastPosting = null;
    }

    /** One occurrence of a token in the current item. */
    private void push(int id) {
        length++;
        if (lastRef[id] == current) {
            read[lastPosting[id] + 2]++;
            return;
        }
        if (readSize + 3 > read.length) {
            read = Arrays.copyOf(read, read.length * 2);
        }
        lastRef[id] = current;
        lastPosting[id] = readSize;
        dfs[id]++;
        read[readSize] = id;
        read[readSize + 1] = current;
        read[readSize + 2] = 1;
        readSize += 3;
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
            dfs = Arrays.copyOf(dfs, tokenCount * 2);
            lastRef = Arrays.copyOf(lastRef, tokenCount * 2);
            lastPosting = Arrays.copyOf(lastPosting, tokenCount * 2);
        }
        names[tokenCount] = name;
        lastRef[tokenCount] = -1;
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
        return start[token + 1] - start[token];
    }

    /** The i-th item holding the token, ascending. */
    int ref(int token, int i) {
        return refs[start[token] + i];
    }

    /** How often the token occurs in its i-th item. */
    int count(int token, int i) {
        return counts[start[token] + i];
    }

    /** Token count of an item's text: elasticlunr's field length, used to normalise scores. */
    int fieldLength(int ref) {
        return fieldLengths[ref];
    }

    /** Refs are written in base 36 to keep the many copies of them in the JSON short. */
    static String ref(int ref) {
        return Integer.toString(ref, 36);
    }
}
