package telegraph.topics;

/**
 * A topic an item belongs to.
 *
 * @param kind what sort of topic
 * @param key  its identity within the kind, already normalised (a security's code, a column's or
 *             outlet's normalised name, a theme's slug as written)
 * @param name how this item names it (a security's name as written here, possibly empty)
 * @param slug the file-name-safe form of the key ({@link Slugs})
 * @param byName a security the item names by one of its names without writing its code
 *               ({@link CompanyNames}); such a topic's name is empty, so that only coded
 *               mentions name a security
 */
public record Topic(TopicKind kind, String key, String name, String slug, boolean byName) {

    public Topic(TopicKind kind, String key, String name, String slug) {
        this(kind, key, name, slug, false);
    }

    /** The label a reader sees: the name, or the key when the item gave no name. */
    public String label() {
        return name.isEmpty() ? key : name;
    }
}
