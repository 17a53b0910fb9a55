package telegraph.topics;

import java.util.List;

/**
 * A theme the site owner defines in {@code topics.yml}: items mentioning any keyword and none
 * of the exclusions belong to it.
 *
 * @param name       shown to readers
 * @param key        its identity: the slug as written in the file (or the name when none)
 * @param keywords   matched case-insensitively for ASCII, anywhere in the item's text
 * @param exclusions an item mentioning any of these is not in the theme
 */
public record Theme(String name, String key, List<String> keywords, List<String> exclusions) {
    public Theme {
        keywords = List.copyOf(keywords);
        exclusions = List.copyOf(exclusions);
    }
}
