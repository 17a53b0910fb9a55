package telegraph.render;

import java.util.List;
import telegraph.model.Item;

/**
 * Links an archive-wide output adds to each item on day pages (its topics, say), so that the day
 * page, rendered before any such output sees the month, can already link to them.
 */
@FunctionalInterface
public interface ItemLinks {

    ItemLinks NONE = (item, root) -> List.of();

    /** @param root the prefix from the day page back to the site root */
    List<Link> links(Item item, String root);

    /** The links of every source, in order. */
    static ItemLinks all(List<ItemLinks> sources) {
        List<ItemLinks> copy = List.copyOf(sources);
        return (item, root) -> copy.stream().flatMap(s -> s.links(item, root).stream()).toList();
    }
}
