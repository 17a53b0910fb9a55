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
 *
 * <p>Each occurrence's position is kept too ({@link #position}), appended in reading order with
 * the posting it belongs to and laid out the same way once read: from the positions the page
 * tells, without reading any text, whether an item holds 英伟达 (英伟 at p, 伟达 at p + 1) and in
 * which of its texts, so that a query's exact total comes from the index alone (search.md).
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

    // while reading: (token, count, positions) triples in reading order, an item's from
    // readStart[ref] (in the constructor); per token, at STATE * id: the ref of its last posting,
    // where that posting is, its posting count
    private int[] read;
    private int readSize;
    // while reading: (where its posting is in read, position) pairs in reading order
    private int[] occurrences;
    private int occurrenceSize;
    /** Ints of state per token: three used, the fourth keeps a token's state within one cache line. */
    private static final int STATE = 4;
    private int[] state = new int[STATE << 12];

    // when read: token t's postings are (ref, count) pairs at [2 * start[t], 2 * start[t + 1]);
    // global posting j's positions are positions[positionStart[j], positionStart[j + 1])
    private final int[] start;
    private final int[] postings;
    private final int[] positionStart;
    private final int[] positions;

    /**
     * A position is {@code text << TEXT_SHIFT | offset}: text 0 is the item's own ({@link
     * SearchText#of}), k its k-th earlier version, oldest first; offset the character where the
     * token starts in that text. Texts are short (a flash is a few hundred characters), far below
     * the 16 M characters an offset can address.
     */
    static final int TEXT_SHIFT = 24;

    /** The ref of the item being read; the part being read, as chars; where the part starts in its text. */
    private int current;
    private int base;
    /** Whether a token met again in the item counts up its posting: not in earlier versions. */
    private boolean counting = true;
    /** Whether positions are kept ({@link SearchIndexOutput}'s choice). */
    private final boolean keepPositions;
    private char[] text = new char[1024];
    /** {@link SearchText#rest} of each item, which the text store writes too. */
    private final String[] rests;

    private static final char[] TOPIC_MARK = {SearchIndexOutput.TOPIC_MARK};

    /**
     * @param topics        the keys ({@code kind/slug}) of the topics an item belongs to; each is
     *                      indexed as {@code ~kind/slug}, a token the tokenizer never makes
     * @param withPositions whether to keep each occurrence's position
     */
    MonthIndex(List<Day> days, Function<Item, List<String>> topics, boolean withPositions) {
        keepPositions = withPositions;
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
        read = new int[(int) Math.min(1 << 28, 3 * chars + 96)];
        occurrences = new int[withPositions ? (int) Math.min(1 << 28, 2 * chars + 64) : 0];
        int[] readStart = new int[items.size() + 1];
        Tokenizer.Sink sink = new Tokenizer.Sink() {
            private char[] prefix = new char[Tokenizer.PREFIX_MAX + 1];

            @Override
            public void bigram(char first, char second, int at) {
                push(bigramId(first, second), base + at);
            }

            @Override
            public void word(char[] chars, int n, int at) {
                if (n == 1) {
                    push(wordId(chars, 1), base + at);
                    return;
                }
                int longest = Math.min(n, Tokenizer.PREFIX_MAX);
                System.arraycopy(chars, 0, prefix, 0, longest);
                for (int k = 2; k <= longest; k++) {
                    prefix[k] = Tokenizer.PREFIX_MARK;
                    push(wordId(prefix, k + 1), base + at);
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
            scanText(0, item.title(), item.body(), rests[ref], sink);
            // its earlier versions add the tokens the item's own text lacks, counted once: search
            // finds them too, and an item's counts stay those of its own text
            counting = false;
            for (int k = 0; k < item.versions().size(); k++) {
                Version v = item.versions().get(k);
                scanText(k + 1, v.title(), v.body(), v.source(), sink);
            }
            counting = true;
            for (String key : topics.apply(item)) {
                char[] token = (TOPIC_MARK[0] + key).toCharArray();
                push(wordId(token, token.length), -1);
            }
        }
        readStart[items.size()] = readSize;
        start = new int[tokenCount + 1];
        for (int t = 0; t < tokenCount; t++) {
            start[t + 1] = start[t] + state[STATE * t + 2];
        }
        int[] next = Arrays.copyOf(start, tokenCount);
        int count = readSize / 3;
        postings = new int[2 * count];
        int[] laidOut = new int[count]; // a posting's place in reading order -> its global place
        positionStart = new int[count + 1];
        for (int ref = 0; ref < items.size(); ref++) {
            for (int k = readStart[ref]; k < readStart[ref + 1]; k += 3) {
                int j = next[read[k]]++;
                laidOut[k / 3] = j;
                postings[2 * j] = ref;
                postings[2 * j + 1] = read[k + 1];
                positionStart[j + 1] = read[k + 2];
            }
        }
        for (int j = 0; j < count; j++) {
            positionStart[j + 1] += positionStart[j];
        }
        // occurrences are in reading order, so each posting's positions stay ascending
        int[] cursor = Arrays.copyOf(positionStart, count);
        positions = new int[occurrenceSize / 2];
        for (int k = 0; k < occurrenceSize; k += 2) {
            positions[cursor[laidOut[occurrences[k] / 3]]++] = occurrences[k + 1];
        }
        read = null;
        occurrences = null;
        state = null;
        text = null;
    }

    /** Scans one text, its parts at the offsets they have in the text joined with line breaks. */
    private void scanText(int textIndex, String title, String body, String rest, Tokenizer.Sink sink) {
        int shifted = textIndex << TEXT_SHIFT;
        base = shifted;
        scan(title, sink);
        base = shifted + title.length() + 1;
        scan(body, sink);
        base = shifted + title.length() + 1 + body.length() + 1;
        scan(rest, sink);
    }

    private void scan(String part, Tokenizer.Sink sink) {
        int n = part.length();
        if (n > text.length) {
            text = new char[Math.max(n, text.length * 2)];
        }
        part.getChars(0, n, text, 0);
        Tokenizer.scan(text, n, sink);
    }

    /** One occurrence of a token in the current item, at a position, or -1 for a topic (no text). */
    private void push(int id, int position) {
        int s = STATE * id;
        if (state[s] == current) {
            int at = state[s + 1];
            if (counting) {
                read[at + 1]++;
            }
            occurrence(at, position);
            return;
        }
        if (readSize + 3 > read.length) {
            read = Arrays.copyOf(read, read.length * 2);
        }
        state[s] = current;
        state[s + 1] = readSize;
        state[s + 2]++;
        read[readSize] = id;
        read[readSize + 1] = 1;
        read[readSize + 2] = 0;
        readSize += 3;
        occurrence(readSize - 3, position);
    }

    private void occurrence(int at, int position) {
        if (position < 0 || !keepPositions) {
            return;
        }
        if (occurrenceSize + 2 > occurrences.length) {
            occurrences = Arrays.copyOf(occurrences, occurrences.length * 2);
        }
        read[at + 2]++;
        occurrences[occurrenceSize] = at;
        occurrences[occurrenceSize + 1] = position;
        occurrenceSize += 2;
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

    /** Number of positions of the token in its i-th item, in all its texts (none for a topic). */
    int positions(int token, int i) {
        int j = start[token] + i;
        return positionStart[j + 1] - positionStart[j];
    }

    /** The k-th position of the token in its i-th item, ascending ({@link #TEXT_SHIFT}). */
    int position(int token, int i, int k) {
        return positions[positionStart[start[token] + i] + k];
    }

    /**
     * Appends what follows the i-th posting's ref as stored: with positions kept, the positions
     * ({@code ;p.p.p}, base 36, the first absolute, then gaps; nothing for a topic, which has
     * none), whose number in the item's own text is its count (at least 1); else, where asked,
     * {@code :count} where the item holds the token more than once.
     */
    void appendPosting(StringBuilder sb, int token, int i, boolean count) {
        if (!keepPositions) {
            int c = count(token, i);
            if (count && c > 1) {
                sb.append(':').append(c);
            }
            return;
        }
        int n = positions(token, i);
        int previous = 0;
        for (int k = 0; k < n; k++) {
            int p = position(token, i, k);
            sb.append(k == 0 ? ';' : '.').append(Integer.toString(p - previous, 36));
            previous = p;
        }
    }


    /** Refs are written in base 36 to keep the many copies of them in the JSON short. */
    static String ref(int ref) {
        return Integer.toString(ref, 36);
    }
}
