package telegraph.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private NearDuplicates() {
    }

    /** Items in time order in, the same items with {@code related} filled in out. */
    static List<Item> link(List<Item> items) {
        List<Set<String>> tokens = items.stream().map(i -> tokens(i.title() + " " + i.body())).toList();
        List<List<String>> related = new ArrayList<>();
        items.forEach(i -> related.add(new ArrayList<>()));
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                if (Duration.between(items.get(a).time(), items.get(b).time()).compareTo(WINDOW) > 0) {
                    break;
                }
                if (similar(tokens.get(a), tokens.get(b))) {
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

    private static boolean similar(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        if (smaller.size() < MIN_TOKENS) {
            return false;
        }
        long shared = smaller.stream().filter(larger::contains).count();
        return shared >= SHARED * smaller.size();
    }

    /** Han bigrams and whole Latin words and numbers. */
    static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                if (i + 1 < text.length() && Character.UnicodeScript.of(text.charAt(i + 1)) == Character.UnicodeScript.HAN) {
                    out.add(text.substring(i, i + 2));
                }
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))
                        && Character.UnicodeScript.of(text.charAt(i)) != Character.UnicodeScript.HAN) {
                    i++;
                }
                out.add(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            } else {
                i++;
            }
        }
        return out;
    }
}
