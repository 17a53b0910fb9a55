package telegraph.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.render.ItemLinks;
import telegraph.render.Link;
import telegraph.render.PageRenderer;
import telegraph.render.ArchiveOutput;
import telegraph.parse.ContentException;
import telegraph.model.DaySummary;
import telegraph.output.OutputWriter;

/**
 * Topic pages and Atom feeds.
 *
 * <p>Layout: {@code topics/index.html} (directory), {@code topics/<kind>/<slug>.html} (a topic:
 * every item as time, title, excerpt and a link to its place on its day page; for a topic of
 * more than {@link TopicTotals#PAGE_ITEMS} items its charts, newest items and years), a big
 * topic's {@code <slug>.<year>.html} (every item of the year; for a year of more than
 * {@link TopicTotals#YEAR_PAGE_ITEMS} items, {@code <slug>.<year>-<month>.html} for each month
 * instead), {@code <slug>.xml} for topics
 * with a feed ({@link TopicTotals.Total#hasFeed}) and the archive's {@code feed.xml}.
 *
 * <p>Incremental: {@link #month} writes only the month's {@link MonthFile} (build state under
 * {@code .telegraph/topics/}). {@link #finish} renders from the files of the changed months
 * only ({@link TopicUpdate}), with what it kept of every topic in {@link TopicStore}: only topics
 * whose part of a changed month differs are rendered again (a big one's overview and the
 * pages of its changed years or months), plus the directory and the archive feed. A topic's files depend on its own items
 * only. When every month changed, or nothing was kept, it reads every file and writes
 * everything. Either way it removes what months and topics that are gone left behind, and the
 * output is the same, byte for byte.
 */
public final class TopicOutput implements ArchiveOutput {

    private static final Pattern MONTH_PREFIX = Pattern.compile("\\d{4}-\\d{2}");
    private static final int MONTH_HIGHLIGHTS = 16;

    private final TopicExtractor extractor;
    private final ThemeSource themes;
    /**
     * The whole archive's names of securities, set by {@link #prepare} before any month is
     * handed over; read by the worker threads, which the builder starts after it.
     */
    private volatile CompanyNames names = CompanyNames.NONE;

    /** Topics with the themes of {@code topics.yml} in the first content folder, else the jar's. */
    public TopicOutput(List<Path> content) throws ContentException {
        this(ThemeSource.resolve(null, content));
    }

    public TopicOutput(ThemeSource themes) {
        this.themes = themes;
        this.extractor = new TopicExtractor(themes.themes());
    }

    /** {@code kind/slug} of each topic the item belongs to: what search filters by ({@code ?topic=}). */
    public List<String> topicKeys(Item item) {
        return extractor.topics(item, names).stream().map(t -> t.kind().dir() + "/" + t.slug()).toList();
    }

    /** Each theme's name by its key ({@code theme/fed} → 美联储): a theme's slug is not what readers call it. */
    public Map<String, String> themeNames() {
        Map<String, String> names = new TreeMap<>();
        themes.themes().forEach(t -> names.put(TopicKind.THEME.dir() + "/" + Slugs.of(t.key()), t.name()));
        return names;
    }

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public byte[] settings() {
        return themes.bytes().clone();
    }

    /** The month's most mentioned topics, securities and themes first in a tie, linked to their pages. */
    @Override
    public List<Link> monthHighlights(YearMonth month, OutputWriter out, String root) {
        MonthFile file = MonthFile.read(out, month);
        if (file == null) {
            return List.of();
        }
        return file.topics().stream()
                .sorted(Comparator.comparingInt((MonthFile.TopicMonth t) -> -t.count())
                        .thenComparing(MonthFile.TopicMonth::kind).thenComparing(MonthFile.TopicMonth::key))
                .limit(MONTH_HIGHLIGHTS)
                .map(t -> new Link(root + TopicPaths.page(t.kind(), t.slug()),
                        (t.name().isEmpty() ? t.key() : t.name()) + " " + t.count()))
                .toList();
    }

    @Override
    public ItemLinks itemLinks() {
        return (Item item, String root) -> extractor.topics(item).stream()
                .map(t -> new Link(root + TopicPaths.page(t.kind(), t.slug()), t.label())).toList();
    }

    /**
     * Learns the whole archive's names of securities: the changed months' from their items, the
     * others' from what earlier builds kept ({@link NameTables}). Which securities an item names
     * without its code depends on every name of the archive, so the unchanged months that a
     * change of the names reaches ({@link NameReach}) are matched again; every month when what
     * the last build kept is missing.
     */
    @Override
    public Set<YearMonth> prepare(Set<YearMonth> present, Set<YearMonth> changed, Function<YearMonth, List<Day>> days,
                                  OutputWriter out) {
        NameTables tables = new NameTables(out);
        Map<YearMonth, NameTables.MonthNames> kept = new TreeMap<>();
        Map<String, Set<String>> before = new TreeMap<>();
        // the last build's names are known when every month it had left its table
        boolean known = true;
        for (YearMonth month : tables.months()) {
            NameTables.MonthNames table = tables.read(month);
            if (table == null) {
                known = false;
            } else {
                NameTables.merge(before, table.names());
                kept.put(month, table);
            }
            if (!present.contains(month)) {
                tables.delete(month);
            }
        }
        Map<String, Set<String>> now = new TreeMap<>();
        Map<YearMonth, NameTables.MonthNames> unchanged = new TreeMap<>();
        for (YearMonth month : present) {
            NameTables.MonthNames table = changed.contains(month) ? null : kept.get(month);
            if (table != null) {
                NameTables.merge(now, table.names());
                unchanged.put(month, table);
            } else {
                known &= changed.contains(month);
                NameTables.merge(now, CompanyNames.table(items(days.apply(month))));
            }
        }
        names = new CompanyNames(now);
        if (!known) {
            Set<YearMonth> all = new TreeSet<>(present);
            all.removeAll(changed);
            return all;
        }
        return NameReach.of(names.differences(new CompanyNames(before)), unchanged, out.root());
    }

    private static List<Item> items(List<Day> days) {
        return days.stream().flatMap(d -> d.items().stream()).toList();
    }

    /** The month's topics, and the names it teaches with the securities it has ({@link NameTables}). */
    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) {
        MonthFile file = MonthTopics.of(days, extractor, names);
        file.write(out, month);
        Set<String> securities = new TreeSet<>();
        file.topics().stream().filter(t -> t.kind() == TopicKind.SECURITY).forEach(t -> securities.add(t.key()));
        new NameTables(out).write(month, new NameTables.MonthNames(CompanyNames.table(items(days)), securities));
    }

    /** The feeds carry each item's whole text, read from the export's index and chunks ({@link FeedTexts}). */
    @Override
    public boolean finishReadsEarlierOutputs() {
        return true;
    }

    @Override
    public void finish(NavigableMap<LocalDate, DaySummary> days, Set<YearMonth> changed, OutputWriter out,
                       PageRenderer pages) {
        Set<YearMonth> present = new TreeSet<>();
        days.keySet().forEach(d -> present.add(YearMonth.from(d)));
        removeGoneMonths(present, out);
        TopicStore store = new TopicStore(out);
        Set<YearMonth> recorded = store.recordedMonths();
        Set<YearMonth> reconcile = new TreeSet<>();
        present.stream().filter(m -> changed.contains(m) || !recorded.contains(m)).forEach(reconcile::add);
        recorded.stream().filter(m -> !present.contains(m)).forEach(reconcile::add);
        TopicStore.Index index = store.index();
        if (index != null && !store.fullUpdateInterrupted() && !reconcile.containsAll(present)) {
            try {
                new TopicUpdate(store, out, new TopicPages(pages, new FeedTexts(out.root())), present, index).run(reconcile);
                return;
            } catch (TopicStore.Broken e) {
                // something kept from the last build cannot be read: redo everything
            }
        }
        fullUpdate(store, present, recorded, out, pages);
    }

    /**
     * Reads every month's file, newest first, and writes every topic's files, the state of every
     * topic and a record of every month; removes every other file under {@code topics/}.
     */
    private static void fullUpdate(TopicStore store, Set<YearMonth> present, Set<YearMonth> recorded,
                                   OutputWriter out, PageRenderer pages) {
        store.startFullUpdate();
        Map<MonthTopics.Id, TopicUpdate.Builder> topics = new TreeMap<>(MonthTopics.Id.ORDER);
        List<MonthFile.Entry> archiveLatest = new ArrayList<>();
        List<YearMonth> newestFirst = new ArrayList<>(present);
        Collections.reverse(newestFirst);
        for (YearMonth month : newestFirst) {
            MonthFile file = MonthFile.read(out, month);
            List<TopicStore.RecordEntry> record = new ArrayList<>();
            if (file != null) {
                for (MonthFile.TopicMonth t : file.topics()) {
                    topics.computeIfAbsent(TopicStore.id(t), id -> new TopicUpdate.Builder(t.kind(), t.key(), t.slug()))
                            .addOlder(month, file, t);
                    record.add(TopicStore.entry(t, TopicStore.hash(file, t)));
                }
                for (MonthFile.Entry e : file.latest()) {
                    if (archiveLatest.size() < MonthTopics.ARCHIVE_ENTRIES) {
                        archiveLatest.add(e);
                    }
                }
            }
            store.write(month, new TopicStore.MonthRecord(record));
        }
        TopicPages topicPages = new TopicPages(pages, new FeedTexts(out.root()));
        Set<String> files = new HashSet<>();
        List<TopicStore.State> states = new ArrayList<>();
        List<TopicTotals.Total> totals = new ArrayList<>();
        List<TopicRender.Job> jobs = new ArrayList<>();
        List<TopicStore.IndexEntry> entries = new ArrayList<>();
        for (TopicUpdate.Builder b : topics.values()) {
            TopicStore.State state = b.state();
            TopicTotals.Total t = TopicTotals.of(state);
            jobs.add(new TopicRender.Job(t, t.periods().keySet()));
            files.addAll(t.files());
            totals.add(t);
            entries.add(new TopicStore.IndexEntry(state.kind(), state.key(), state.slug(), t.name, t.count));
            states.add(state);
        }
        new TopicRender(out, topicPages).run(jobs, present);
        files.add(TopicPaths.DIRECTORY);
        removeAllBut(files, out);
        store.replaceAll(states);
        topicPages.directory(totals);
        topicPages.feed(TopicPaths.ARCHIVE_FEED, "最新电报", "index.html", archiveLatest);
        recorded.stream().filter(m -> !present.contains(m)).forEach(store::deleteRecord);
        store.write(new TopicStore.Index(present.stream().map(YearMonth::toString).toList(), entries));
        store.endFullUpdate();
    }

    /** Month files of months whose days are all gone. */
    private static void removeGoneMonths(Set<YearMonth> present, OutputWriter out) {
        for (YearMonth month : months(out.resolve(TopicPaths.MONTHS), ".json.gz")) {
            if (!present.contains(month)) {
                out.delete(TopicPaths.monthFile(month));
            }
        }
    }

    /** The months of a folder's {@code YYYY-MM<suffix>} files. */
    static Set<YearMonth> months(Path dir, String suffix) {
        Set<YearMonth> months = new TreeSet<>();
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            if (name.length() == 7 + suffix.length() && name.endsWith(suffix) && MONTH_PREFIX.matcher(name).lookingAt()) {
                months.add(YearMonth.parse(name.substring(0, 7)));
            }
        }
        return months;
    }

    /**
     * Every file under {@code topics/} but those to keep (output-relative), and folders left
     * empty: pages of topics that are gone, and whatever an older layout left there.
     */
    private static void removeAllBut(Set<String> keep, OutputWriter out) {
        Path dir = out.resolve(TopicPaths.DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : all) {
            String relative = out.root().relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p)) {
                if (!p.equals(dir) && list(p).isEmpty()) {
                    delete(p);
                }
            } else if (!keep.contains(relative)) {
                out.delete(relative);
            }
        }
    }

    private static void delete(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A folder's entries in name order; none when it does not exist. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
