package telegraph.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Which themes a text mentions, in one pass over the text: every word of every theme is indexed
 * by its first character, so each position of the text is compared only with the words that can
 * start there (a million items against dozens of themes stays cheap). The rules of a theme
 * ({@link Theme}) are then applied to the few mentions found.
 */
final class KeywordMatcher {

    private enum Role { KEYWORD, EXCLUSION, CONTEXT, QUALIFIER, REQUIRED }

    /** @param group the theme's context entry a CONTEXT word or QUALIFIER belongs to */
    private record Word(String text, int theme, Role role, int group) {
    }

    private record Mention(Word word, int start) {
        int end() {
            return start + word.text().length();
        }
    }

    /** Where a sentence ends: a context word and its qualifier must not have one of these between them. */
    private static final String SENTENCE_ENDS = "。！？；!?;\n【】";

    private final int themes;
    private final boolean[] requires;
    /** Indexed by the first character, so that no character is boxed on the hot path. */
    private final Word[][] byFirstChar = new Word[Character.MAX_VALUE + 1][];

    KeywordMatcher(List<Theme> themes) {
        this.themes = themes.size();
        this.requires = new boolean[themes.size()];
        for (int t = 0; t < themes.size(); t++) {
            Theme theme = themes.get(t);
            add(theme.keywords(), t, Role.KEYWORD, 0);
            add(theme.exclusions(), t, Role.EXCLUSION, 0);
            add(theme.required(), t, Role.REQUIRED, 0);
            requires[t] = !theme.required().isEmpty();
            for (int g = 0; g < theme.context().size(); g++) {
                add(theme.context().get(g).words(), t, Role.CONTEXT, g);
                add(theme.context().get(g).qualifiers(), t, Role.QUALIFIER, g);
            }
        }
    }

    private void add(List<String> words, int theme, Role role, int group) {
        for (String w : words) {
            String folded = fold(w);
            Word[] old = byFirstChar[folded.charAt(0)];
            Word[] grown = old == null ? new Word[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = new Word(folded, theme, role, group);
            byFirstChar[folded.charAt(0)] = grown;
        }
    }

    /** Indexes of the themes the text belongs to. */
    BitSet match(String text) {
        BitSet found = new BitSet(themes);
        if (themes == 0) {
            return found;
        }
        String folded = fold(text);
        List<Mention> mentions = new ArrayList<>();
        BitSet mentioned = new BitSet(themes);
        for (int i = 0; i < folded.length(); i++) {
            Word[] candidates = byFirstChar[folded.charAt(i)];
            if (candidates == null) {
                continue;
            }
            for (Word w : candidates) {
                if (folded.startsWith(w.text(), i)) {
                    mentions.add(new Mention(w, i));
                    mentioned.set(w.theme());
                }
            }
        }
        for (int t = mentioned.nextSetBit(0); t >= 0; t = mentioned.nextSetBit(t + 1)) {
            if (belongs(t, mentions, folded)) {
                found.set(t);
            }
        }
        return found;
    }

    private boolean belongs(int theme, List<Mention> mentions, String text) {
        List<Mention> counted = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.word().theme() == theme && m.word().role() != Role.EXCLUSION && !excluded(m, mentions)) {
                counted.add(m);
            }
        }
        if (requires[theme] && counted.stream().noneMatch(m -> m.word().role() == Role.REQUIRED)) {
            return false;
        }
        for (Mention m : counted) {
            if (m.word().role() == Role.KEYWORD) {
                return true;
            }
            if (m.word().role() == Role.CONTEXT && counted.stream().anyMatch(q -> q.word().role() == Role.QUALIFIER
                    && q.word().group() == m.word().group() && sameSentence(text, m, q))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the mention lies inside a namesake of its theme. */
    private static boolean excluded(Mention m, List<Mention> mentions) {
        for (Mention e : mentions) {
            if (e.word().role() == Role.EXCLUSION && e.word().theme() == m.word().theme()
                    && e.start() <= m.start() && m.end() <= e.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSentence(String text, Mention a, Mention b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 || (c >= '①' && c <= '⑳')) {
                return false;
            }
        }
        return true;
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
