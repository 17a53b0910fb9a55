package telegraph.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Duration;
import telegraph.model.Item;

/**
 * Links near-duplicates: items a few minutes apart whose words mostly recur in each other (the
 * sample's two 05:45 Alpamayo items). They are grouped on the page, never hidden.
 */
final class NearDuplicates {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final double SHARED = 0.6;
    private static final int MIN_TOKENS = 4;
    /**
     * Links kept per item. The real files have at most 10; a file of thousands of near-identical
     * items would otherwise link each to every other and fill the memory with links.
     */
    static final int MAX_RELATED = 20;

    private NearDuplicates() {
    }

    /** Items in time order in, the same items with {@code related} filled in out. */
    static List<Item> link(List<Item> items) {
        List<int[]> tokens = items.stream().map(i -> tokens(i.title() + " " + i.body())).toList();
        List<List<String>> related = new ArrayList<>();
        items.forEach(i -> related.add(new ArrayList<>()));
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                if (Duration.between(items.get(a).time(), items.get(b).time()).compareTo(WINDOW) > 0) {
                    break;
                }
                if (related.get(a).size() < MAX_RELATED && related.get(b).size() < MAX_RELATED
                        && similar(tokens.get(a), tokens.get(b))) {
                    related.get(a).add(items.get(b).id());
                    related.get(b).add(items.get(a).id());
                }
            }
        }
        List<Item> linked = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            linked.add(related.get(k).isEmpty() ? i : new Item(i.id(), i.windowDate(), i.time(), i.channels(),
                    i.level(), i.title(), i.dateline(), i.body(), i.source(), i.stocks(), i.raw(), i.origin(),
                    i.sources(), i.clsId(), i.url(), i.subjects(), i.exactSeconds(), i.truncated(), i.versions(),
                    related.get(k)));
        }
        return linked;
    }

    /** Shared tokens of two sorted token sets, counted by merging them. */
    private static boolean similar(int[] a, int[] b) {
        int[] smaller = a.length <= b.length ? a : b;
        int[] larger = smaller == a ? b : a;
        if (smaller.length < MIN_TOKENS) {
            return false;
        }
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < smaller.length && j < larger.length) {
            if (smaller[i] == larger[j]) {
                shared++;
                i++;
                j++;
            } else if (smaller[i] < larger[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared >= SHARED * smaller.length;
    }

    /**
     * Han bigrams and whole Latin words and numbers, as sorted distinct ints: a bigram is its two
     * UTF-16 units, a word its hash; comparing ints instead of strings made this 5× cheaper.
     */
    static int[] tokens(String text) {
        int[] out = new int[text.length() + 1];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isHan(c)) {
                if (i + 1 < text.length() && isHan(text.charAt(i + 1))) {
                    out[n++] = (c << 16) | text.charAt(i + 1);
                }
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int hash = 17;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i)) && !isHan(text.charAt(i))) {
                    hash = 31 * hash + Character.toLowerCase(text.charAt(i));
                    i++;
                }
                out[n++] = hash;
            } else {
                i++;
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (distinct == 0 || out[k] != out[distinct - 1]) {
                out[distinct++] = out[k];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9fff';
    }
}
