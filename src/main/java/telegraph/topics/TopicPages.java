package telegraph.topics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import telegraph.render.Dates;
import telegraph.render.Link;
import telegraph.render.PageRenderer;
import telegraph.render.SitePaths;

/** Turns topic data into view records and renders them: month pages, topic pages, directory, feeds. */
final class TopicPages {

    /** An item in a topic's list, linking to its place on its day page. */
    public record ItemLink(String href, String when, String iso, boolean major, String title, String text) {
    }

    public record MonthPage(String kind, String name, String code, String month, int count, Link topic,
                            Link directory, Chart chart, List<ItemLink> items) {
    }

    public record MonthLink(String href, String label, int count) {
    }

    /**
     * @param code     a security's code, else empty
     * @param exchange a security's exchange, else empty
     * @param names    names the items gave a security, in order of first mention
     */
    public record TopicPage(String kind, String name, String code, String exchange, List<String> names, int count,
                            String first, String last, String feed, Link directory, Chart recent, Chart monthly,
                            List<MonthLink> months, List<ItemLink> latest) {
    }

    /** @param filter lower-case text the directory's filter box matches */
    public record TopicLink(String href, String name, String filter, int count) {
    }

    public record KindGroup(String id, String label, int count, List<TopicLink> topics) {
    }

    public record FeedEntry(String id, String title, String updated, String href, String text) {
    }

    public record Feed(String id, String title, String subtitle, String updated, String self, String alternate,
                       List<FeedEntry> entries) {
    }

    private static final int FEED_TITLE_CHARS = 40;
    private static final String TEMPLATE_MONTH = "topic-month.ftlh";
    private static final String TEMPLATE_TOPIC = "topic.ftlh";
    private static final String TEMPLATE_DIRECTORY = "topics.ftlh";
    private static final String TEMPLATE_FEED = "feed.ftlx";

    private final PageRenderer pages;

    TopicPages(PageRenderer pages) {
        this.pages = pages;
    }

    void month(YearMonth month, MonthTopics.Group group) {
        Topic topic = group.topic();
        String path = TopicPaths.month(topic.kind(), topic.slug(), month);
        String root = SitePaths.rootFrom(path);
        List<Integer> counts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            counts.add(group.summary().days().getOrDefault(date.toString(), 0));
            labels.add(Dates.monthDay(date));
        }
        String monthLabel = Dates.yearMonth(month.atDay(1));
        MonthPage page = new MonthPage(topic.kind().label(), heading(topic.kind(), topic.key(), topic.name()),
                code(topic.kind(), topic.key()), monthLabel, group.items().size(),
                new Link(root + TopicPaths.index(topic.kind(), topic.slug()), "全部月份"),
                new Link(root + TopicPaths.DIRECTORY, "全部专题"),
                Chart.of(monthLabel + "每日提及", counts, labels), links(group.items(), root));
        pages.page(TEMPLATE_MONTH, path, Map.of("page", page));
    }

    void topic(TopicTotals.Total t, List<YearMonth> archiveMonths) {
        TopicKind kind = t.id.kind();
        String path = TopicPaths.index(kind, t.slug);
        String root = SitePaths.rootFrom(path);
        List<MonthLink> months = new ArrayList<>();
        t.months.forEach((m, n) -> months.add(0, new MonthLink(root + TopicPaths.month(kind, t.slug, m),
                Dates.yearMonth(m.atDay(1)), n)));
        YearMonth firstMonth = t.months.keySet().iterator().next();
        List<YearMonth> span = archiveMonths.stream().filter(m -> !m.isBefore(firstMonth)).toList();
        Chart monthly = Chart.of("每月提及", span.stream().map(m -> t.months.getOrDefault(m, 0)).toList(),
                span.stream().map(m -> Dates.yearMonth(m.atDay(1))).toList());
        List<Integer> counts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (LocalDate d = t.last.minusDays(TopicTotals.RECENT_DAYS - 1); !d.isAfter(t.last); d = d.plusDays(1)) {
            counts.add(t.recentDays.getOrDefault(d, 0));
            labels.add(Dates.chinese(d));
        }
        Chart recent = Chart.of("截至 " + Dates.chinese(t.last) + " 的 " + TopicTotals.RECENT_DAYS + " 天每日提及",
                counts, labels);
        boolean security = kind == TopicKind.SECURITY;
        TopicPage page = new TopicPage(kind.label(), heading(kind, t.id.key(), t.name), code(kind, t.id.key()),
                security ? Exchanges.of(t.id.key()) : "", security ? t.names() : List.of(), t.count,
                Dates.yearMonth(firstMonth.atDay(1)), Dates.chinese(t.last), "feed.xml",
                new Link(root + TopicPaths.DIRECTORY, "全部专题"), recent, monthly, months, links(t.latest, root));
        pages.page(TEMPLATE_TOPIC, path, Map.of("topic", page));
        feed(TopicPaths.feed(kind, t.slug), heading(kind, t.id.key(), t.name) + " · " + kind.label(),
                "index.html", t.latest);
    }

    void directory(Collection<TopicTotals.Total> totals) {
        String root = SitePaths.rootFrom(TopicPaths.DIRECTORY);
        List<KindGroup> groups = new ArrayList<>();
        for (TopicKind kind : TopicKind.values()) {
            List<TopicLink> links = totals.stream().filter(t -> t.id.kind() == kind)
                    .sorted(Comparator.comparingInt((TopicTotals.Total t) -> -t.count)
                            .thenComparing(t -> t.id.key()))
                    .map(t -> new TopicLink(root + TopicPaths.index(kind, t.slug), heading(kind, t.id.key(), t.name),
                            KeywordMatcher.fold(t.label() + " " + t.id.key()), t.count))
                    .toList();
            groups.add(new KindGroup(kind.dir(), kind.label(), links.size(), links));
        }
        pages.page(TEMPLATE_DIRECTORY, TopicPaths.DIRECTORY, Map.of("kinds", groups));
    }

    /** An Atom feed of entries, newest first; {@code alternate} is the HTML page it follows, relative to it. */
    void feed(String path, String title, String alternate, List<MonthFile.Entry> entries) {
        String root = SitePaths.rootFrom(path);
        List<FeedEntry> feedEntries = entries.stream().map(e -> new FeedEntry(urn("item:" + e.id()), feedTitle(e),
                e.time(), root + itemHref(e), e.text())).toList();
        String updated = entries.isEmpty() ? "1970-01-01T00:00:00Z" : entries.get(0).time();
        String self = path.substring(path.lastIndexOf('/') + 1);
        pages.page(TEMPLATE_FEED, path, Map.of("feed", new Feed(urn("feed:" + path), title, "财联社电报", updated, self,
                alternate, feedEntries)));
    }

    private static List<ItemLink> links(List<MonthFile.Entry> entries, String root) {
        return entries.stream().map(e -> {
            OffsetDateTime time = OffsetDateTime.parse(e.time());
            String when = Dates.monthDay(time.toLocalDate()) + " " + e.time().substring(11, 16);
            return new ItemLink(root + itemHref(e), when, e.time(), e.major(), e.title(), e.text());
        }).toList();
    }

    private static String itemHref(MonthFile.Entry e) {
        return SitePaths.dayPage(LocalDate.parse(e.date())) + "#" + e.id();
    }

    private static String heading(TopicKind kind, String key, String name) {
        if (kind == TopicKind.SECURITY) {
            return name.isEmpty() ? key : name + "（" + key + "）";
        }
        return name.isEmpty() ? key : name;
    }

    private static String code(TopicKind kind, String key) {
        return kind == TopicKind.SECURITY ? key : "";
    }

    private static String feedTitle(MonthFile.Entry e) {
        if (!e.title().isEmpty()) {
            return e.title();
        }
        String text = e.text();
        return text.codePointCount(0, text.length()) <= FEED_TITLE_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, FEED_TITLE_CHARS)) + "…";
    }

    /** A stable IRI for Atom ids: a name-based UUID, the same in every build. */
    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("telegraph:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
