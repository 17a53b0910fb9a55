package telegraph.topics;

import java.util.List;

/**
 * A theme the site owner defines in {@code topics.yml}. All words match case-insensitively for
 * ASCII, anywhere in the item's text; an item belongs to the theme when it mentions a keyword
 * that counts:
 *
 * @param name       shown to readers
 * @param key        its identity: the slug as written in the file (or the name when none)
 * @param keywords   each counts wherever it is mentioned
 * @param exclusions namesakes: a keyword (or context word, qualifier, required word) mentioned
 *                   inside one of these phrases does not count there ({@code 欧洲央行} hides
 *                   {@code 央行}); elsewhere in the same item it still does
 * @param context    words that count only beside a qualifier, in the same sentence
 * @param required   when not empty, one of these must also be mentioned somewhere in the item
 */
public record Theme(String name, String key, List<String> keywords, List<String> exclusions,
                    List<Context> context, List<String> required) {

    /**
     * Words too common to count alone: {@code 降息} means the central bank's rate only where the
     * sentence also names it.
     *
     * @param words      each counts only where one of the qualifiers is in its sentence
     * @param qualifiers at least one must be in the same sentence as the word
     */
    public record Context(List<String> words, List<String> qualifiers) {
        public Context {
            words = List.copyOf(words);
            qualifiers = List.copyOf(qualifiers);
        }
    }

    public Theme {
        keywords = List.copyOf(keywords);
        exclusions = List.copyOf(exclusions);
        context = List.copyOf(context);
        required = List.copyOf(required);
    }
}
