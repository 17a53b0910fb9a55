package telegraph.topics;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import telegraph.model.Day;
import telegraph.model.Item;

/** One month's items grouped by topic: what the month's topic pages and its {@link MonthFile} hold. */
final class MonthTopics {

    /** Newest items kept per topic and month for feeds: a feed never needs more. */
    static final int FEED_ENTRIES = 20;
    /** Newest items of the whole archive in its feed. */
    static final int ARCHIVE_ENTRIES = 50;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** A topic's identity: kind and key. */
    record Id(TopicKind kind, String key) {
        static final Comparator<Id> ORDER = Comparator.comparing(Id::kind).thenComparing(Id::key);
    }

    /** One topic's month: its items (newest first) and what the month file says of it. */
    record Group(Topic topic, List<MonthFile.Entry> items, MonthFile.TopicMonth summary) {
    }

    private MonthTopics() {
    }

    static List<Group> group(List<Day> days, TopicExtractor extractor) {
        Map<Id, Collector> byTopic = new TreeMap<>(Id.ORDER);
        for (Day day : days) {
            for (Item item : day.items()) {
                MonthFile.Entry entry = entry(item);
                for (Topic topic : extractor.topics(item)) {
                    byTopic.computeIfAbsent(new Id(topic.kind(), topic.key()), id -> new Collector(topic))
                            .add(topic, entry);
                }
            }
        }
        return byTopic.values().stream().map(Collector::group).toList();
    }

    /** The month's newest items, newest first. */
    static List<MonthFile.Entry> latest(List<Day> days) {
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
        String text = item.dateline() + item.body() + (item.source().isEmpty() ? "" : " (" + item.source() + ")");
        return new MonthFile.Entry(item.id(), item.windowDate().toString(), ISO.format(item.time()), item.isMajor(),
                item.title(), text);
    }

    /** Gathers one topic's items in time order. */
    private static final class Collector {
        private final Topic first;
        private final List<MonthFile.Entry> items = new ArrayList<>();
        private final Set<String> names = new LinkedHashSet<>();
        private final Map<String, Integer> days = new TreeMap<>();
        private String name = "";

        Collector(Topic first) {
            this.first = first;
        }

        void add(Topic topic, MonthFile.Entry entry) {
            items.add(entry);
            days.merge(entry.date(), 1, Integer::sum);
            if (!topic.name().isEmpty()) {
                name = topic.name();
                names.add(topic.name());
            }
        }

        Group group() {
            List<MonthFile.Entry> newestFirst = new ArrayList<>(items);
            Collections.reverse(newestFirst);
            Topic topic = new Topic(first.kind(), first.key(), name, first.slug());
            MonthFile.TopicMonth summary = new MonthFile.TopicMonth(topic.kind(), topic.key(), topic.slug(), name,
                    List.copyOf(names), items.size(), days,
                    List.copyOf(newestFirst.subList(0, Math.min(FEED_ENTRIES, newestFirst.size()))));
            return new Group(topic, newestFirst, summary);
        }
    }
}
