package telegraph.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.render.ItemLinks;
import telegraph.render.Link;
import telegraph.render.PageRenderer;
import telegraph.site.ArchiveOutput;
import telegraph.site.ContentException;
import telegraph.site.DaySummary;
import telegraph.site.OutputWriter;

/**
 * Topic pages and Atom feeds.
 *
 * <p>Layout: {@code topics/index.html} (directory), {@code topics/<kind>/<slug>/index.html}
 * (a topic: its months, charts, newest items), {@code topics/<kind>/<slug>/YYYY-MM.html} (its
 * items of one month, newest first), {@code topics/<kind>/<slug>/feed.xml} and the archive's
 * {@code feed.xml}.
 *
 * <p>Incremental: {@link #month} writes the month's topic pages and a small summary
 * ({@link MonthFile}); pages depend on their month only (no links to a topic's neighbouring
 * months), so unchanged months need no rewrite. {@link #finish} writes the pages that span
 * months from the summaries of the changed months only ({@link TopicUpdate}), with what it kept
 * of every topic in {@link TopicStore}: only topics whose part of a changed month differs are
 * rendered again (all of them when the archive gains or loses a month), plus the directory and
 * the archive feed. When every month changed, or nothing was kept, it reads every summary,
 * newest first, and writes everything. Either way it removes what months and topics that are
 * gone left behind, and the output is the same, byte for byte.
 */
public final class TopicOutput implements ArchiveOutput {

    /** Where the site owner's themes are read from, in the first content folder. */
    public static final String THEMES_FILE = "topics.yml";
    private static final int MONTH_HIGHLIGHTS = 16;

    private final TopicExtractor extractor;
    private final byte[] settings;

    /** Topics with the themes of {@code topics.yml} in the first content folder, if there is one. */
    public TopicOutput(List<Path> content) throws ContentException {
        Path file = content.isEmpty() ? null : content.get(0).resolve(THEMES_FILE);
        this.extractor = new TopicExtractor(file == null ? List.of() : ThemeFile.load(file));
        this.settings = file == null ? new byte[0] : read(file);
    }

    private static byte[] read(Path file) throws ContentException {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new ContentException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** {@code kind/slug} of each topic the item belongs to: what search filters by ({@code ?topic=}). */
    public List<String> topicKeys(Item item) {
        return extractor.topics(item).stream().map(t -> t.kind().dir() + "/" + t.slug()).toList();
    }

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public byte[] settings() {
        return settings.clone();
    }

    /** The month's most mentioned topics, securities and themes first in a tie, linked to their month pages. */
    @Override
    public List<Link> monthHighlights(YearMonth month, OutputWriter out, String root) {
        MonthFile file = MonthFile.read(out, month);
        if (file == null) {
            return List.of();
        }
        return file.topics().stream()
                .sorted(java.util.Comparator.comparingInt((MonthFile.TopicMonth t) -> -t.count())
                        .thenComparing(MonthFile.TopicMonth::kind).thenComparing(MonthFile.TopicMonth::key))
                .limit(MONTH_HIGHLIGHTS)
                .map(t -> new Link(root + TopicPaths.month(t.kind(), t.slug(), month),
                        (t.name().isEmpty() ? t.key() : t.name()) + " " + t.count()))
                .toList();
    }

    @Override
    public ItemLinks itemLinks() {
        return (Item item, String root) -> extractor.topics(item).stream()
                .map(t -> new Link(root + TopicPaths.index(t.kind(), t.slug()), t.label())).toList();
    }

    @Override
    public void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) {
        List<MonthTopics.Group> groups = MonthTopics.group(days, extractor);
        Set<String> now = new HashSet<>();
        groups.forEach(g -> now.add(TopicPaths.month(g.topic().kind(), g.topic().slug(), month)));
        // Stale pages go first: a build killed later still has the old summary listing them.
        removeMonthPages(MonthFile.read(out, month), month, now, out);
        TopicPages topicPages = new TopicPages(pages);
        groups.forEach(g -> topicPages.month(month, g));
        new MonthFile(groups.stream().map(MonthTopics.Group::summary).toList(), MonthTopics.latest(days))
                .write(out, month);
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
                new TopicUpdate(store, out, new TopicPages(pages), present, index).run(reconcile);
                return;
            } catch (TopicStore.Broken e) {
                // something kept from the last build cannot be read: redo everything
            }
        }
        fullUpdate(store, present, recorded, out, pages);
    }

    /**
     * Reads every month's summary, newest first, and writes every page that spans months, the
     * state of every topic and a record of every month.
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
                            .addOlder(month, t);
                    record.add(TopicStore.entry(t, TopicStore.hash(t)));
                }
                for (MonthFile.Entry e : file.latest()) {
                    if (archiveLatest.size() < MonthTopics.ARCHIVE_ENTRIES) {
                        archiveLatest.add(e);
                    }
                }
            }
            store.write(month, new TopicStore.MonthRecord(record));
        }
        TopicPages topicPages = new TopicPages(pages);
        List<YearMonth> archiveMonths = List.copyOf(present);
        Set<String> folders = new HashSet<>();
        Set<String> states = new HashSet<>();
        List<TopicTotals.Total> totals = new ArrayList<>();
        List<TopicStore.IndexEntry> entries = new ArrayList<>();
        for (TopicUpdate.Builder b : topics.values()) {
            TopicStore.State state = b.state();
            TopicTotals.Total t = TopicTotals.of(state);
            topicPages.topic(t, archiveMonths);
            folders.add(TopicPaths.folder(t.id.kind(), t.slug));
            totals.add(t);
            entries.add(new TopicStore.IndexEntry(state.kind(), state.key(), state.slug(), t.name, t.count));
            store.write(state);
            states.add(TopicStore.statePath(state.kind(), state.slug()));
        }
        removeGoneTopics(folders, out);
        store.deleteStatesExcept(states);
        topicPages.directory(totals);
        topicPages.feed(TopicPaths.ARCHIVE_FEED, "最新电报", "index.html", archiveLatest);
        recorded.stream().filter(m -> !present.contains(m)).forEach(store::deleteRecord);
        store.write(new TopicStore.Index(archiveMonths.stream().map(YearMonth::toString).toList(), entries));
        store.endFullUpdate();
    }

    private static void removeMonthPages(MonthFile old, YearMonth month, Set<String> keep, OutputWriter out) {
        if (old == null) {
            return;
        }
        for (MonthFile.TopicMonth t : old.topics()) {
            String page = TopicPaths.month(t.kind(), t.slug(), month);
            if (!keep.contains(page)) {
                out.delete(page);
            }
        }
    }

    /** Months whose days are all gone: their topic pages and summary. */
    private static void removeGoneMonths(Set<YearMonth> present, OutputWriter out) {
        for (Path file : list(out.resolve(TopicPaths.MONTHS))) {
            String name = file.getFileName().toString();
            if (!name.matches("\\d{4}-\\d{2}\\.json")) {
                continue;
            }
            YearMonth month = YearMonth.parse(name.substring(0, 7));
            if (!present.contains(month)) {
                removeMonthPages(MonthFile.read(file), month, Set.of(), out);
                out.delete(TopicPaths.monthFile(month));
            }
        }
    }

    /** Folders of topics no month has any more: whatever is left in them, then the folder. */
    private static void removeGoneTopics(Set<String> keep, OutputWriter out) {
        for (TopicKind kind : TopicKind.values()) {
            for (Path folder : list(out.resolve(TopicPaths.DIR + kind.dir()))) {
                String relative = TopicPaths.folder(kind, folder.getFileName().toString());
                if (Files.isDirectory(folder) && !keep.contains(relative)) {
                    removeFolder(relative, out);
                }
            }
        }
    }

    /** A topic's folder (output-relative, ending in {@code /}) and everything in it. */
    static void removeFolder(String relative, OutputWriter out) {
        Path folder = out.resolve(relative);
        for (Path file : list(folder)) {
            out.delete(relative + file.getFileName());
        }
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
