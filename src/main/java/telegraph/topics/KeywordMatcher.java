package telegraph.topics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which themes a text mentions, in one pass over the text: keywords are indexed by their first
 * character, so each position of the text is compared only with the keywords that can start
 * there (a million items against dozens of themes stays cheap).
 */
final class KeywordMatcher {

    private record Keyword(String text, int theme, boolean exclusion) {
    }

    private final int themes;
    private final Map<Character, List<Keyword>> byFirstChar = new HashMap<>();

    KeywordMatcher(List<Theme> themes) {
        this.themes = themes.size();
        for (int t = 0; t < themes.size(); t++) {
            for (String k : themes.get(t).keywords()) {
                add(new Keyword(fold(k), t, false));
            }
            for (String k : themes.get(t).exclusions()) {
                add(new Keyword(fold(k), t, true));
            }
        }
    }

    private void add(Keyword keyword) {
        byFirstChar.computeIfAbsent(keyword.text().charAt(0), c -> new ArrayList<>()).add(keyword);
    }

    /** Indexes of the themes the text mentions and does not exclude. */
    BitSet match(String text) {
        BitSet found = new BitSet(themes);
        BitSet excluded = new BitSet(themes);
        if (themes == 0) {
            return found;
        }
        String folded = fold(text);
        for (int i = 0; i < folded.length(); i++) {
            List<Keyword> candidates = byFirstChar.get(folded.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Keyword k : candidates) {
                if (folded.startsWith(k.text(), i)) {
                    (k.exclusion() ? excluded : found).set(k.theme());
                }
            }
        }
        found.andNot(excluded);
        return found;
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
