package telegraph.topics;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import telegraph.model.Day;
import telegraph.model.Item;

/** One month's items grouped by topic: what the month's {@link MonthFile} holds. */
final class MonthTopics {

    /** Newest items a big topic's page shows, and of which its feed shows the first. */
    static final int FEED_ENTRIES = 20;
    /** Newest items of the whole archive in its feed. */
    static final int ARCHIVE_ENTRIES = 50;
    /** Code points of an item's text shown beside its title. */
    static final int EXCERPT = 16;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** A topic's identity: kind and key. */
    record Id(TopicKind kind, String key) {
        static final Comparator<Id> ORDER = Comparator.comparing(Id::kind).thenComparing(Id::key);
    }

    private MonthTopics() {
    }

    /** @param names the whole archive's names of securities */
    static MonthFile of(List<Day> days, TopicExtractor extractor, CompanyNames names) {
        List<MonthFile.Entry> items = new ArrayList<>();
        Map<Id, Collector> byTopic = new TreeMap<>(Id.ORDER);
        for (Day day : days) {
            for (Item item : day.items()) {
                List<Topic> topics = extractor.topics(item, names);
                if (topics.isEmpty()) {
                    continue;
                }
                int index = items.size();
                MonthFile.Entry entry = entry(item);
                items.add(entry);
                for (Topic topic : topics) {
                    byTopic.computeIfAbsent(new Id(topic.kind(), topic.key()), id -> new Collector(topic))
                            .add(topic, index, entry.date());
                }
            }
        }
        return new MonthFile(items, byTopic.values().stream().map(c -> c.month(names)).toList(), latest(days));
    }

    /** The month's newest items, newest first. */
    private static List<MonthFile.Entry> latest(List<Day> days) {
        List<MonthFile.Entry> latest = new ArrayList<>();
        for (int d = days.size() - 1; d >= 0 && latest.size() < ARCHIVE_ENTRIES; d--) {
            List<Item> items = days.get(d).items();
            for (int i = items.size() - 1; i >= 0 && latest.size() < ARCHIVE_ENTRIES; i--) {
                latest.add(entry(items.get(i)));
            }
        }
        return latest;
    }

    static MonthFile.Entry entry(Item item) {
        // an item without a title is listed by its first clause, which is all its excerpt says
        String excerpt = item.title().isEmpty() ? item.headline() : excerpt(item.body().strip(), EXCERPT);
        return new MonthFile.Entry(item.id(), item.windowDate().toString(), ISO.format(item.time()), item.isMajor(),
                item.title(), excerpt);
    }

    /** The first {@code max} code points of a text, with an ellipsis when cut. */
    static String excerpt(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    /** Gathers one topic's items in time order. */
    private static final class Collector {
        private final Topic first;
        private final List<Integer> items = new ArrayList<>();
        private final Set<Integer> byName = new TreeSet<>();
        private final Set<String> names = new LinkedHashSet<>();
        private final Map<String, Integer> nameCounts = new HashMap<>();
        private final Map<String, Integer> days = new TreeMap<>();
        private String lastName = "";

        Collector(Topic first) {
            this.first = first;
        }

        void add(Topic topic, int item, String date) {
            items.add(item);
            if (topic.byName()) {
                byName.add(item);
            }
            days.merge(date, 1, Integer::sum);
            if (!topic.name().isEmpty()) {
                lastName = topic.name();
                names.add(topic.name());
                nameCounts.merge(topic.name(), 1, Integer::sum);
            }
        }

        /** The name most mentions give; of equally frequent ones, the latest. */
        private String name() {
            String best = lastName;
            for (String n : names) {
                if (nameCounts.get(n) > nameCounts.getOrDefault(best, 0)) {
                    best = n;
                }
            }
            return best;
        }

        MonthFile.TopicMonth month(CompanyNames companies) {
            List<Integer> newestFirst = new ArrayList<>(items);
            Collections.reverse(newestFirst);
            List<String> siblings = first.kind() == TopicKind.SECURITY ? List.copyOf(companies.siblings(first.key()))
                    : List.of();
            return new MonthFile.TopicMonth(first.kind(), first.key(), first.slug(), name(), List.copyOf(names),
                    items.size(), days, newestFirst, byName, siblings);
        }
    }
}
