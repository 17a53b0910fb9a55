package telegraph.topics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import telegraph.output.OutputWriter;

/**
 * Brings the pages that span months (topic pages and feeds, the directory, the archive feed) up
 * to date with the months that changed, reading only those months' files and the states of the
 * topics whose part of them changed.
 *
 * <p>For each month to reconcile, its {@link TopicStore.MonthRecord} says what the topic pages
 * reflect of it: topics whose hash differs from the month file now (or that appeared or
 * disappeared) are the touched ones. Their states get that month's part replaced, which is
 * idempotent, and their pages are rendered again (a topic's pages show its own items and months
 * only, so no other topic's page changes). Then states, index and records are written, records
 * last.
 *
 * <p>Crash safety: before anything else changes, the month's record marks the touched topics
 * {@link TopicStore#DIRTY}, so a build killed halfway leaves records that make the next build
 * touch those topics again, whatever the month files say by then; and the index, which says
 * which months the pages span, is written only after every page.
 */
final class TopicUpdate {

    /** Collects one topic's months, newest first, as a full update reads them. */
    static final class Builder {
        private final TopicKind kind;
        private final String key;
        private final String slug;
        private final List<TopicStore.MonthPart> newestFirst = new ArrayList<>();
        private final List<MonthFile.Entry> latest = new ArrayList<>();

        Builder(TopicKind kind, String key, String slug) {
            this.kind = kind;
            this.key = key;
            this.slug = slug;
        }

        /** Adds a month older than every month added so far. */
        void addOlder(YearMonth month, MonthFile file, MonthFile.TopicMonth t) {
            newestFirst.add(TopicStore.part(month, t));
            latest.addAll(file.entries(t, MonthTopics.FEED_ENTRIES - latest.size()));
        }

        TopicStore.State state() {
            List<TopicStore.MonthPart> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);
            return new TopicStore.State(kind, key, slug, List.copyOf(oldestFirst), List.copyOf(latest));
        }
    }

    private final TopicStore store;
    private final OutputWriter out;
    private final TopicPages pages;
    private final Set<YearMonth> present;
    private final TopicStore.Index index;
    /** Month files read in this build; null values for months without one. */
    private final Map<YearMonth, MonthFile> files = new HashMap<>();

    TopicUpdate(TopicStore store, OutputWriter out, TopicPages pages, Set<YearMonth> present, TopicStore.Index index) {
        this.store = store;
        this.out = out;
        this.pages = pages;
        this.present = present;
        this.index = index;
    }

    private MonthFile file(YearMonth month) {
        return files.computeIfAbsent(month, m -> {
            MonthFile file = MonthFile.read(out, m);
            return file != null ? file : new MonthFile(List.of(), List.of(), List.of());
        });
    }

    /** @param reconcile months changed, new or gone since the records were written */
    void run(Set<YearMonth> reconcile) throws TopicStore.Broken {
        // 1. which topics' parts of which months changed; the records mark them first
        Map<MonthTopics.Id, Map<YearMonth, MonthFile.TopicMonth>> changes = new TreeMap<>(MonthTopics.Id.ORDER);
        Map<MonthTopics.Id, String> slugs = new HashMap<>();
        Map<YearMonth, TopicStore.MonthRecord> records = new TreeMap<>();
        for (YearMonth month : reconcile) {
            Map<MonthTopics.Id, TopicStore.RecordEntry> old = new TreeMap<>(MonthTopics.Id.ORDER);
            store.record(month).topics().forEach(e -> old.put(TopicStore.id(e), e));
            Map<MonthTopics.Id, MonthFile.TopicMonth> now = new TreeMap<>(MonthTopics.Id.ORDER);
            List<TopicStore.RecordEntry> record = new ArrayList<>();
            if (present.contains(month)) {
                for (MonthFile.TopicMonth t : file(month).topics()) {
                    now.put(TopicStore.id(t), t);
                    record.add(TopicStore.entry(t, TopicStore.hash(file(month), t)));
                }
            }
            Map<MonthTopics.Id, TopicStore.RecordEntry> marked = new TreeMap<>(MonthTopics.Id.ORDER);
            marked.putAll(old);
            for (TopicStore.RecordEntry e : record) {
                MonthTopics.Id id = TopicStore.id(e);
                TopicStore.RecordEntry before = old.get(id);
                if (before == null || !before.hash().equals(e.hash())) {
                    marked.put(id, new TopicStore.RecordEntry(e.kind(), e.key(), e.slug(), TopicStore.DIRTY));
                }
            }
            for (TopicStore.RecordEntry e : old.values()) {
                if (!now.containsKey(TopicStore.id(e))) {
                    marked.put(TopicStore.id(e), new TopicStore.RecordEntry(e.kind(), e.key(), e.slug(), TopicStore.DIRTY));
                }
            }
            boolean touched = false;
            for (TopicStore.RecordEntry e : marked.values()) {
                if (e.hash().equals(TopicStore.DIRTY)) {
                    touched = true;
                    MonthTopics.Id id = TopicStore.id(e);
                    changes.computeIfAbsent(id, k -> new TreeMap<>()).put(month, now.get(id));
                    slugs.put(id, e.slug());
                }
            }
            if (touched) {
                store.write(month, new TopicStore.MonthRecord(List.copyOf(marked.values())));
            }
            records.put(month, present.contains(month) ? new TopicStore.MonthRecord(record) : null);
        }

        // 2. the touched topics' new states
        Map<MonthTopics.Id, TopicStore.IndexEntry> entries = new TreeMap<>(MonthTopics.Id.ORDER);
        index.topics().forEach(e -> entries.put(TopicStore.id(e), e));
        Map<MonthTopics.Id, TopicStore.State> updated = new TreeMap<>(MonthTopics.Id.ORDER);
        Map<MonthTopics.Id, TopicStore.State> before = new HashMap<>();
        Map<MonthTopics.Id, String> gone = new TreeMap<>(MonthTopics.Id.ORDER);
        for (Map.Entry<MonthTopics.Id, Map<YearMonth, MonthFile.TopicMonth>> c : changes.entrySet()) {
            MonthTopics.Id id = c.getKey();
            String slug = slugs.get(id);
            TopicStore.State old = store.state(id.kind(), slug);
            if (old == null && entries.containsKey(id)) {
                throw new TopicStore.Broken("no state for " + id);
            }
            if (old != null) {
                before.put(id, old);
            }
            List<TopicStore.MonthPart> parts = new ArrayList<>(old == null ? List.of() : old.months());
            parts.removeIf(p -> c.getValue().containsKey(YearMonth.parse(p.month())));
            c.getValue().forEach((month, t) -> {
                if (t != null) {
                    parts.add(TopicStore.part(month, t));
                }
            });
            parts.sort(Comparator.comparing(TopicStore.MonthPart::month));
            if (parts.isEmpty()) {
                gone.put(id, slug);
                continue;
            }
            updated.put(id, new TopicStore.State(id.kind(), id.key(), slug, List.copyOf(parts),
                    latest(id, old, parts, c.getValue())));
        }

        // 3. pages: a touched topic's page, and a big one's years or months that changed (all of
        // them when it was small before); then what the topic no longer has
        List<TopicRender.Job> jobs = new ArrayList<>();
        Set<String> stale = new TreeSet<>();
        for (TopicStore.State state : updated.values()) {
            TopicTotals.Total t = TopicTotals.of(state);
            TopicStore.State old = before.get(t.id);
            TopicTotals.Total was = old == null ? null : TopicTotals.of(old);
            Set<Period> periods = new TreeSet<>(t.periods().keySet());
            if (was != null && was.big()) {
                // the pages of changed months, and those a year gains when it is cut into months or joined again
                periods.removeAll(was.periods().keySet());
                changes.get(t.id).keySet().forEach(m -> periods.add(t.periodOf(m)));
                periods.retainAll(t.periods().keySet());
            }
            jobs.add(new TopicRender.Job(t, periods));
            if (was != null) {
                stale.addAll(was.files());
                t.files().forEach(stale::remove);
            }
            entries.put(t.id, new TopicStore.IndexEntry(state.kind(), state.key(), state.slug(), t.name, t.count));
        }
        new TopicRender(out, pages).run(jobs, present);
        for (Map.Entry<MonthTopics.Id, String> g : gone.entrySet()) {
            TopicStore.State old = before.get(g.getKey());
            if (old != null) {
                stale.addAll(TopicTotals.of(old).files());
            }
            entries.remove(g.getKey());
        }
        stale.forEach(out::delete);
        List<YearMonth> archiveMonths = List.copyOf(new TreeSet<>(present));
        List<String> monthNames = archiveMonths.stream().map(YearMonth::toString).toList();
        pages.directory(entries.values().stream().map(TopicTotals::of).toList());
        pages.feed(TopicPaths.ARCHIVE_FEED, "最新电报", "index.html", archiveLatest(archiveMonths));

        // 4. what the pages now reflect: states, index, and the months' records last
        store.update(updated.values(), gone);
        store.write(new TopicStore.Index(monthNames, List.copyOf(entries.values())));
        records.forEach((month, record) -> {
            if (record == null) {
                store.deleteRecord(month);
            } else {
                store.write(month, record);
            }
        });
    }

    /**
     * A topic's newest items: its newest months' items, newest first. A changed month's come
     * from its file; an unchanged month's from the topic's last state when it holds all of them
     * (a month gives min(count, FEED_ENTRIES)), else from the month's file.
     */
    private List<MonthFile.Entry> latest(MonthTopics.Id id, TopicStore.State old, List<TopicStore.MonthPart> parts,
                                         Map<YearMonth, MonthFile.TopicMonth> changed) throws TopicStore.Broken {
        List<MonthFile.Entry> latest = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0 && latest.size() < MonthTopics.FEED_ENTRIES; i--) {
            TopicStore.MonthPart part = parts.get(i);
            YearMonth month = YearMonth.parse(part.month());
            List<MonthFile.Entry> entries;
            MonthFile.TopicMonth now = changed.get(month);
            if (now != null) {
                entries = file(month).entries(now, MonthTopics.FEED_ENTRIES);
            } else {
                String prefix = part.month() + "-";
                List<MonthFile.Entry> kept = old == null ? List.of()
                        : old.latest().stream().filter(e -> e.date().startsWith(prefix)).toList();
                if (kept.size() == Math.min(part.count(), MonthTopics.FEED_ENTRIES)) {
                    entries = kept;
                } else {
                    MonthFile file = file(month);
                    entries = file.topics().stream().filter(t -> TopicStore.id(t).equals(id))
                            .findFirst().map(t -> file.entries(t, MonthTopics.FEED_ENTRIES))
                            .orElseThrow(() -> new TopicStore.Broken(month + " has no " + id));
                }
            }
            for (MonthFile.Entry e : entries) {
                if (latest.size() < MonthTopics.FEED_ENTRIES) {
                    latest.add(e);
                }
            }
        }
        return List.copyOf(latest);
    }

    /** The archive's newest items: the newest months' files, newest first. */
    private List<MonthFile.Entry> archiveLatest(List<YearMonth> archiveMonths) {
        List<MonthFile.Entry> latest = new ArrayList<>();
        for (int i = archiveMonths.size() - 1; i >= 0 && latest.size() < MonthTopics.ARCHIVE_ENTRIES; i--) {
            for (MonthFile.Entry e : file(archiveMonths.get(i)).latest()) {
                if (latest.size() < MonthTopics.ARCHIVE_ENTRIES) {
                    latest.add(e);
                }
            }
        }
        return latest;
    }
}
