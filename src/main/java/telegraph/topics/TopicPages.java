package telegraph.topics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import telegraph.render.Dates;
import telegraph.render.Link;
import telegraph.render.PageRenderer;
import telegraph.render.SitePaths;

/** Turns topic data into view records and renders them: topic pages, year pages, directory, feeds. */
final class TopicPages {

    /**
     * An item in a topic's list, linking to its place on its day page.
     *
     * @param label   its title, or the start of its text when it has none
     * @param excerpt the start of its text when the label is its title, else empty
     * @param byName  the item names the security without writing its code
     */
    public record ItemLink(String href, String time, boolean major, String label, String excerpt, boolean byName) {
    }

    /** A topic's items of one calendar date, newest first. */
    public record DayGroup(String label, List<ItemLink> items) {
    }

    /** The search box of a topic page: {@code topic} is what the search page filters on, KIND/SLUG. */
    public record SearchBox(String action, String topic) {
    }

    public record PeriodLink(String href, String label, int count) {
    }

    /**
     * A year of a big topic on its page.
     *
     * @param href   its page, or empty when the year has a page per month
     * @param months its month pages, newest first, or empty
     */
    public record YearLink(String href, String label, int count, List<PeriodLink> months) {
    }

    /**
     * @param code     a security's code, else empty
     * @param exchange a security's exchange, else empty
     * @param names    names the items gave a security, in order of first mention
     * @param siblings a security's other share classes (A and H shares of one company), linked
     * @param feed     the topic's feed, relative to the page, or empty when it has none
     * @param recent   daily chart, or null for a topic too small to need one
     * @param monthly  monthly chart, or null
     * @param years    a big topic's years and their pages, newest first; empty when this page lists every item
     * @param days     every item, or a big topic's newest, by day, newest first
     */
    public record TopicPage(String kind, String name, String code, String exchange, List<String> names,
                            List<Link> siblings, int count,
                            String first, String last, String feed, Link directory, SearchBox search, Chart recent,
                            Chart monthly, List<YearLink> years, List<DayGroup> days) {
    }

    /**
     * A big topic's items of one year, or of one month of a busy year.
     *
     * @param label the year or month, {@code 2026年} or {@code 2026年1月}
     * @param unit  {@code 年} or {@code 月}
     */
    public record PeriodPage(String kind, String name, String code, String label, String unit, int count, Link topic,
                             Link directory, SearchBox search, List<DayGroup> days) {
    }

    /** @param filter lower-case text the directory's filter box matches */
    public record TopicLink(String href, String name, String filter, int count) {
    }

    /**
     * One kind of topic in the directory, busiest first.
     *
     * @param topics its {@link #DIRECTORY_LEAD} busiest topics
     * @param more   the rest, which the directory folds away
     */
    public record KindGroup(String id, String label, int count, List<TopicLink> topics, List<TopicLink> more) {
    }

    /**
     * @param href    the item on its day page: absolute with a base URL, else relative to the feed
     * @param content the item's whole text under its title: a feed reader shows the title apart
     */
    public record FeedEntry(String id, String title, String updated, String href, String content) {
    }

    public record Feed(String id, String title, String subtitle, String updated, String self, String alternate,
                       List<FeedEntry> entries) {
    }

    /**
     * The directory's kinds in the order readers use them: themes and columns first, whose few
     * topics are what most come for, then the many securities and sources; CLS subjects, which
     * only some archives carry, last.
     */
    private static final List<TopicKind> DIRECTORY_ORDER = List.of(TopicKind.THEME, TopicKind.COLUMN,
            TopicKind.SECURITY, TopicKind.SOURCE, TopicKind.SUBJECT);
    /**
     * Topics of a kind the directory shows unfolded: every theme of the default file, and of a
     * thousand securities the ones with a few items a day.
     */
    static final int DIRECTORY_LEAD = 40;
    /** Topics with fewer items get no charts: a bar or two says nothing the count does not. */
    static final int CHART_ITEMS = 20;
    private static final String TEMPLATE_TOPIC = "topic.ftlh";
    private static final String TEMPLATE_PERIOD = "topic-year.ftlh";
    private static final String TEMPLATE_DIRECTORY = "topics.ftlh";
    private static final String TEMPLATE_FEED = "feed.ftlx";
    private static final String SEARCH = "search.html";
    /**
     * Entries of a topic's feed, each with its whole text. A feed reader keeps what it fetched
     * before, so a feed needs only what is new between two fetches, and readers fetch hourly or
     * more often: in the real archive 99.7 % of a feed topic's hours with news have at most 8
     * items (a rate decision's hour has up to 31). A longer history would cost every feed its
     * items' whole text again, over the site's size budget, for readers who already hold it.
     */
    static final int FEED_ENTRIES = 8;
    /** Code points of an excerpt's start that, found in its title, make the excerpt a repeat. */
    private static final int REPEAT = 8;

    private final PageRenderer pages;
    private final FeedTexts texts;

    TopicPages(PageRenderer pages, FeedTexts texts) {
        this.pages = pages;
        this.texts = texts;
    }

    /**
     * A topic's page and feed.
     *
     * @param all every item of a small topic, newest first; ignored for a big one, whose page
     *            shows its newest and links its year pages
     */
    void topic(TopicTotals.Total t, List<MonthFile.Entry> all) {
        TopicKind kind = t.id.kind();
        String path = TopicPaths.page(kind, t.slug);
        String root = SitePaths.rootFrom(path);
        List<YearLink> years = t.big() ? yearLinks(t) : List.of();
        YearMonth firstMonth = t.months.firstKey();
        Chart recent = null;
        Chart monthly = null;
        if (t.count >= CHART_ITEMS) {
            List<Integer> counts = new ArrayList<>();
            for (LocalDate d = t.last.minusDays(TopicTotals.RECENT_DAYS - 1); !d.isAfter(t.last); d = d.plusDays(1)) {
                counts.add(t.recentDays.getOrDefault(d, 0));
            }
            recent = Chart.of("截至 " + Dates.chinese(t.last) + " 的 " + TopicTotals.RECENT_DAYS + " 天每日提及", counts);
            List<Integer> perMonth = new ArrayList<>();
            for (YearMonth m = firstMonth; !m.isAfter(t.months.lastKey()); m = m.plusMonths(1)) {
                perMonth.add(t.months.getOrDefault(m, 0));
            }
            monthly = perMonth.size() > 1 ? Chart.of("每月提及", perMonth) : null;
        }
        boolean security = kind == TopicKind.SECURITY;
        TopicPage page = new TopicPage(kind.label(), heading(kind, t.id.key(), t.name), code(kind, t.id.key()),
                security ? Exchanges.of(t.id.key()) : "", security ? t.names() : List.of(),
                t.siblings.stream().map(code -> new Link(fileName(TopicPaths.page(kind, TopicExtractor.securitySlug(code))),
                        code)).toList(), t.count,
                // the newest item's own date, as its list shows it: past midnight, the day after t.last
                Dates.yearMonth(firstMonth.atDay(1)), Dates.chinese(t.latest.get(0).calendarDate()),
                t.hasFeed() ? fileName(TopicPaths.feed(kind, t.slug)) : "",
                new Link(root + TopicPaths.DIRECTORY, "全部专题"), search(root, kind, t.slug), recent, monthly, years,
                days(t.big() ? t.latest : all, root));
        pages.page(TEMPLATE_TOPIC, path, Map.of("topic", page));
        if (t.hasFeed()) {
            feed(TopicPaths.feed(kind, t.slug), heading(kind, t.id.key(), t.name) + " · " + kind.label(),
                    fileName(path), t.latest.subList(0, Math.min(FEED_ENTRIES, t.latest.size())));
        }
    }

    /** A big topic's years, newest first, each linking its page or its months' pages. */
    private static List<YearLink> yearLinks(TopicTotals.Total t) {
        TopicKind kind = t.id.kind();
        List<YearLink> years = new ArrayList<>();
        NavigableMap<Period, Integer> periods = t.periods();
        t.years().descendingMap().forEach((y, n) -> {
            Period whole = Period.of(y);
            List<PeriodLink> months = periods.subMap(whole, false, new Period(y + 1, 0), false).descendingMap()
                    .entrySet().stream().map(p -> new PeriodLink(fileName(TopicPaths.period(kind, t.slug, p.getKey())),
                            p.getKey().month() + "月", p.getValue())).toList();
            years.add(new YearLink(periods.containsKey(whole) ? fileName(TopicPaths.period(kind, t.slug, whole)) : "",
                    y + "年", n, months));
        });
        return years;
    }

    /**
     * A big topic's page of one year or month.
     *
     * @param name    the name the period's newest mentions give, or empty
     * @param entries the period's items, newest first
     */
    void period(TopicKind kind, String key, String slug, Period period, String name, List<MonthFile.Entry> entries) {
        String path = TopicPaths.period(kind, slug, period);
        String root = SitePaths.rootFrom(path);
        PeriodPage page = new PeriodPage(kind.label(), heading(kind, key, name), code(kind, key), period.label(),
                period.wholeYear() ? "年" : "月", entries.size(),
                new Link(fileName(TopicPaths.page(kind, slug)), "全部年份"), new Link(root + TopicPaths.DIRECTORY, "全部专题"),
                search(root, kind, slug), days(entries, root));
        pages.page(TEMPLATE_PERIOD, path, Map.of("page", page));
    }

    void directory(Collection<TopicTotals.Total> totals) {
        String root = SitePaths.rootFrom(TopicPaths.DIRECTORY);
        List<KindGroup> groups = new ArrayList<>();
        for (TopicKind kind : DIRECTORY_ORDER) {
            List<TopicLink> links = totals.stream().filter(t -> t.id.kind() == kind)
                    .sorted(Comparator.comparingInt((TopicTotals.Total t) -> -t.count)
                            .thenComparing(t -> t.id.key()))
                    .map(t -> new TopicLink(root + TopicPaths.page(kind, t.slug), heading(kind, t.id.key(), t.name),
                            KeywordMatcher.fold(t.label() + " " + t.id.key()), t.count))
                    .toList();
            if (!links.isEmpty()) {
                int lead = Math.min(DIRECTORY_LEAD, links.size());
                groups.add(new KindGroup(kind.dir(), kind.label(), links.size(), links.subList(0, lead),
                        links.subList(lead, links.size())));
            }
        }
        pages.page(TEMPLATE_DIRECTORY, TopicPaths.DIRECTORY, Map.of("kinds", groups));
    }

    /** An Atom feed of entries, newest first; {@code alternate} is the HTML page it follows, relative to it. */
    void feed(String path, String title, String alternate, List<MonthFile.Entry> entries) {
        // many feed readers ignore xml:base: with a base URL, every link is absolute
        String base = pages.site().baseUrl();
        String root = base.isEmpty() ? SitePaths.rootFrom(path) : base;
        String folder = base.isEmpty() ? "" : base + path.substring(0, path.lastIndexOf('/') + 1);
        List<FeedEntry> feedEntries = entries.stream().map(e -> new FeedEntry(urn("item:" + e.id()),
                e.title().isEmpty() ? e.excerpt() : e.title(), e.time(), root + itemHref(e), texts.below(e))).toList();
        String updated = entries.isEmpty() ? "1970-01-01T00:00:00Z" : entries.get(0).time();
        pages.page(TEMPLATE_FEED, path, Map.of("feed", new Feed(urn("feed:" + path), title, "财联社电报", updated,
                folder + fileName(path), folder + alternate, feedEntries)));
    }

    private static SearchBox search(String root, TopicKind kind, String slug) {
        return new SearchBox(root + SEARCH, kind.dir() + "/" + slug);
    }

    /**
     * Entries, newest first, grouped by the calendar date they happened on: an item past midnight
     * is listed under the date its dateline gives, not under its window day (whose page it links).
     */
    private static List<DayGroup> days(List<MonthFile.Entry> entries, String root) {
        List<DayGroup> days = new ArrayList<>();
        LocalDate date = null;
        List<ItemLink> items = null;
        for (MonthFile.Entry e : entries) {
            if (!e.calendarDate().equals(date)) {
                date = e.calendarDate();
                items = new ArrayList<>();
                days.add(new DayGroup(Dates.chinese(date), items));
            }
            items.add(new ItemLink(root + itemHref(e), e.clock(), e.major(),
                    e.title().isEmpty() ? e.excerpt() : e.title(), excerpt(e), e.byName()));
        }
        return days;
    }

    /** What an entry shows beside its title: its excerpt, unless that is its label or repeats its title. */
    private static String excerpt(MonthFile.Entry e) {
        return !e.title().isEmpty() && addsTo(e.title(), e.excerpt()) ? e.excerpt() : "";
    }

    /**
     * Whether an excerpt says more than its title: not when the text opens with what the title
     * says (many items repeat their title as their first sentence), punctuation and spaces aside.
     */
    static boolean addsTo(String title, String excerpt) {
        String start = letters(excerpt);
        start = start.substring(0, start.offsetByCodePoints(0, Math.min(REPEAT, start.codePointCount(0, start.length()))));
        return !letters(title).contains(start);
    }

    private static String letters(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String itemHref(MonthFile.Entry e) {
        return SitePaths.dayPage(LocalDate.parse(e.date())) + "#" + e.id();
    }

    /** Topic files link each other by name: they share a folder. */
    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
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

    /** A stable IRI for Atom ids: a name-based UUID, the same in every build. */
    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("telegraph:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
