package telegraph.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import telegraph.model.Item;
import telegraph.model.Version;

/**
 * The feed re-posts an item under the same title after an edit, usually with a longer body. Such
 * items are shown once, as their latest version, with the earlier versions kept inside it.
 */
final class ItemVersions {

    private ItemVersions() {
    }

    /** Items in time order in, items in time order out, each title at most once. */
    static List<Item> fold(List<Item> items) {
        Map<String, List<Item>> byTitle = new LinkedHashMap<>();
        for (Item item : items) {
            if (!item.title().isEmpty()) {
                byTitle.computeIfAbsent(item.title(), t -> new ArrayList<>()).add(item);
            }
        }
        Map<String, Item> replaced = new LinkedHashMap<>();
        for (List<Item> same : byTitle.values()) {
            if (same.size() < 2) {
                continue;
            }
            Item latest = same.stream().max(Comparator.comparing(Item::time)
                    .thenComparing(i -> i.body().length())).orElseThrow();
            List<Version> earlier = same.stream().filter(i -> i != latest)
                    .map(i -> new Version(i.id(), i.time(), i.title(), i.dateline(), i.body(), i.source(), i.origin(),
                            i.clsId()))
                    .toList();
            for (Item i : same) {
                replaced.put(i.id(), i == latest ? withVersions(latest, earlier) : null);
            }
        }
        List<Item> folded = new ArrayList<>(items.size());
        for (Item item : items) {
            if (!replaced.containsKey(item.id())) {
                folded.add(item);
            } else if (replaced.get(item.id()) != null) {
                folded.add(replaced.get(item.id()));
            }
        }
        return folded;
    }

    private static Item withVersions(Item i, List<Version> versions) {
        return new Item(i.id(), i.windowDate(), i.time(), i.channels(), i.level(), i.title(), i.dateline(), i.body(),
                i.source(), i.stocks(), i.raw(), i.origin(), i.sources(), i.clsId(), i.url(), i.subjects(),
                i.exactSeconds(), i.truncated(), versions, i.related());
    }
}
