package telegraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.model.Version;

/**
 * The inverted index of one month, the unit the builder hands over. Refs are the items'
 * positions in the month in time order, so a larger ref is a newer item and refs stay short.
 *
 * <p>Built with primitive arrays: a token is an int id (bigrams are looked up by their two
 * characters without making a string). While the items are read, in ref order, each (token,
 * count) posting of an item is appended to one array in reading order, and a token met again in
 * the same item counts up its posting there; then a counting sort by token lays the postings out
 * token by token, refs ascending. Appending to one array, rather than to an array per token, keeps
 * the writes of the hot loop in a few cache lines instead of spreading them over the whole
 * vocabulary; what the loop keeps per token sits side by side for the same reason.
 */
final class MonthIndex {

    private final List<Item> items = new ArrayList<>();

    // vocabulary: bigram (first << 16 | second) -> id in an open-addressing table of (key, id)
    // pairs; words, word prefixes (hbm*) and topic tokens (~stock/600519-sh) by their characters' hash in
    // another, so that no string is made for a token met before
    private int[] bigrams = new int[2 << 14];
    private int bigramCount;
    private int[] wordSlots = new int[1 << 12]; // id + 1 of the word in each slot, 0 if free
    private int wordCount;
    private String[] names = new String[1 << 12];
    private int tokenCount;

    // while reading: (token, count) pairs in reading order, an item's from readStart[ref] (in the
    // constructor); per token, at STATE * id: the ref of its last posting, where that posting is,
    // its posting count
    private int[] read;
    private int readSize;
    /** Ints of state per token: three used, the fourth keeps a token's state within one cache line. */
    private static final int STATE = 4;
    private int[] state = new int[STATE << 12];

    // when read: token t's postings are (ref, count) pairs at [2 * start[t], 2 * start[t + 1])
    private final int[] start;
    private final int[] postings;

    /** The ref of the item being read; the part being read, as chars. */
    private int current;
    /** Whether a token met again in the item counts up its posting: not in earlier versions. */
    private boolean counting = true;
    private char[] text = new char[1024];
    /** {@link SearchText#rest} of each item, which the text store writes too. */
    private final String[] rests;

    private static final char[] TOPIC_MARK = {SearchIndexOutput.TOPIC_MARK};

    /**
     * @param topics the keys ({@code kind/slug}) of the topics an item belongs to; each is
     *               indexed as {@code ~kind/slug}, a token the tokenizer never makes
     */
    MonthIndex(List<Day> days, Function<Item, List<String>> topics) {
        days.forEach(d -> items.addAll(d.items()));
        // room for a posting per character of title and body (an item has fewer distinct tokens
        // than that, about two thirds), so that a month's ~3 million ints are not copied again
        // and again as the array grows
        long chars = 0;
        for (Item item : items) {
            chars += item.title().length() + item.body().length();
            for (Version v : item.versions()) {
                chars += v.title().length() + v.body().length();
            }
        }
        read = new int[(int) Math.min(1 << 28, 2 * chars + 64)];
        int[] readStart = new int[items.size() + 1];
        Tokenizer.Sink sink = new Tokenizer.Sink() {
            private char[] prefix = new char[Tokenizer.PREFIX_MAX + 1];

            @Override
            public void bigram(char first, char second) {
                push(bigramId(first, second));
            }

            @Override
            public void word(char[] chars, int n) {
                if (n == 1) {
                    push(wordId(chars, 1));
                    return;
                }
                int longest = Math.min(n, Tokenizer.PREFIX_MAX);
                System.arraycopy(chars, 0, prefix, 0, longest);
                for (int k = 2; k <= longest; k++) {
                    prefix[k] = Tokenizer.PREFIX_MARK;
                    push(wordId(prefix, k + 1));
                    if (k < longest) {
                        prefix[k] = chars[k];
                    }
                }
            }
        };
        rests = new String[items.size()];
        for (int ref = 0; ref < items.size(); ref++) {
            current = ref;
            readStart[ref] = readSize;
            Item item = items.get(ref);
            rests[ref] = SearchText.rest(item);
            // the parts of SearchText.of, scanned one by one: a line break between them splits tokens anyway
            scan(item.title(), sink);
            scan(item.body(), sink);
            scan(rests[ref], sink);
            // its earlier versions add the tokens the item's own text lacks, counted once: search
            // finds them too, and an item's counts stay those of its own text
            counting = false;
            for (Version v : item.versions()) {
                scan(v.title(), sink);
                scan(v.body(), sink);
                scan(v.source(), sink);
            }
            counting = true;
            for (String key : topics.apply(item)) {
                char[] token = (TOPIC_MARK[0] + key).toCharArray();
                push(wordId(token, token.length));
            }
        }
        readStart[items.size()] = readSize;
        start = new int[tokenCount + 1];
        for (int t = 0; t < tokenCount; t++) {
            start[t + 1] = start[t] + state[STATE * t + 2];
        }
        int[] next = Arrays.copyOf(start, tokenCount);
        postings = new int[readSize];
        for (int ref = 0; ref < items.size(); ref++) {
            for (int k = readStart[ref]; k < readStart[ref + 1]; k += 2) {
                int at = 2 * next[read[k]]++;
                postings[at] = ref;
                postings[at + 1] = read[k + 1];
            }
        }
        read = null;
        state = null;
        text = null;
    }

    private void scan(String part, Tokenizer.Sink sink) {
        int n = part.length();
        if (n > text.length) {
            text = new char[Math.max(n, text.length * 2)];
        }
        part.getChars(0, n, text, 0);
        Tokenizer.scan(text, n, sink);
    }

    /** One occurrence of a token in the current item. */
    private void push(int id) {
        int s = STATE * id;
        if (state[s] == current) {
            if (counting) {
                read[state[s + 1] + 1]++;
            }
            return;
        }
        if (readSize + 2 > read.length) {
            read = Arrays.copyOf(read, read.length * 2);
        }
        state[s] = current;
        state[s + 1] = readSize;
        state[s + 2]++;
        read[readSize] = id;
        read[readSize + 1] = 1;
        readSize += 2;
    }

    private int bigramId(char first, char second) {
        int key = first << 16 | second; // never 0: a Han character is above 0x3400
        int mask = bigrams.length - 2;
        int slot = (key * 0x9E3779B9) >>> 7 & mask;
        while (true) {
            int k = bigrams[slot];
            if (k == key) {
                return bigrams[slot + 1];
            }
            if (k == 0) {
                int id = newToken(new String(new char[] {first, second}));
                bigrams[slot] = key;
                bigrams[slot + 1] = id;
                if (++bigramCount * 4 > bigrams.length) {
                    growBigrams();
                }
                return id;
            }
            slot = slot + 2 & mask;
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
        int[] old = bigrams;
        bigrams = new int[old.length * 2];
        int mask = bigrams.length - 2;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int slot = (old[i] * 0x9E3779B9) >>> 7 & mask;
                while (bigrams[slot] != 0) {
                    slot = slot + 2 & mask;
                }
                bigrams[slot] = old[i];
                bigrams[slot + 1] = old[i + 1];
            }
        }
    }

    private int newToken(String name) {
        if (tokenCount == names.length) {
            names = Arrays.copyOf(names, tokenCount * 2);
            state = Arrays.copyOf(state, STATE * tokenCount * 2);
        }
        names[tokenCount] = name;
        state[STATE * tokenCount] = -1;
        return tokenCount++;
    }

    List<Item> items() {
        return items;
    }

    /** {@link SearchText#rest} of an item. */
    String rest(int ref) {
        return rests[ref];
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
        return postings[2 * (start[token] + i)];
    }

    /** How often the token occurs in its i-th item. */
    int count(int token, int i) {
        return postings[2 * (start[token] + i) + 1];
    }


    /** Refs are written in base 36 to keep the many copies of them in the JSON short. */
    static String ref(int ref) {
        return Integer.toString(ref, 36);
    }
}
