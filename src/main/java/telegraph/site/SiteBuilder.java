package telegraph.site;

import telegraph.render.ArchiveOutput;
import telegraph.output.BuildMarker;
import telegraph.output.OutputWriter;
import telegraph.parse.ContentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import telegraph.model.Day;
import telegraph.model.DaySummary;
import telegraph.model.DuplicateCounts;
import telegraph.model.Problem;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFileReader;
import telegraph.render.CalendarModel;
import telegraph.render.DayPageModel;
import telegraph.render.ItemLinks;
import telegraph.render.PageRenderer;
import telegraph.render.SiteInfo;
import telegraph.render.SitePaths;
import telegraph.render.TemplateEngine;

/**
 * The whole build, incremental by default: find the day files and compare them with the
 * manifest of the last build; parse and render, month by month on all cores, only the days whose
 * files or neighbours changed (a month of days is the unit of work, so memory stays bounded
 * whatever the archive's size); then the archive-wide pages, and the manifest last. A full build
 * is the same with an empty manifest, so both produce the same bytes.
 */
public final class SiteBuilder {

    /**
     * @param content   folders of day files
     * @param out       the output folder
     * @param templates the user's template folder, or null for the defaults in the jar
     * @param site      site-wide values for templates
     * @param threads   worker threads
     * @param full      ignore the last build's manifest and rebuild everything
     * @param excludes  globs of content paths not to read ({@link ContentScanner#scan})
     */
    public record Options(List<Path> content, Path out, Path templates, SiteInfo site, int threads, boolean full,
                          List<String> excludes) {
        public Options {
            content = List.copyOf(content);
            excludes = List.copyOf(excludes);
        }

        public Options(List<Path> content, Path out, Path templates, SiteInfo site, int threads, boolean full) {
            this(content, out, templates, site, threads, full, List.of());
        }
    }

    /** Told after each day is written; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void dayDone(int done, int total);
    }

    private final List<ArchiveOutput> outputs;
    private final Function<Path, OutputWriter> writers;
    private final DayCache parsed;

    /**
     * @param outputs archive-wide outputs built beside the day pages, run in this order (an output
     *                may read what an earlier one wrote: the search index reads the JSON export)
     */
    public SiteBuilder(List<ArchiveOutput> outputs) {
        this(outputs, DayCache.none());
    }

    /**
     * @param parsed days parsed by earlier builds, which this one takes instead of parsing their
     *               files again, and adds to: {@code watch} and {@code serve} keep one between rebuilds
     */
    public SiteBuilder(List<ArchiveOutput> outputs, DayCache parsed) {
        this(outputs, OutputWriter::new, parsed);
    }

    /** @param writers the writer of an output folder (tests give one whose disk fills up) */
    SiteBuilder(List<ArchiveOutput> outputs, Function<Path, OutputWriter> writers) {
        this(outputs, writers, DayCache.none());
    }

    private SiteBuilder(List<ArchiveOutput> outputs, Function<Path, OutputWriter> writers, DayCache parsed) {
        this.outputs = List.copyOf(outputs);
        this.writers = writers;
        this.parsed = parsed;
    }

    /**
     * A build that fails (a full disk, an unwritable folder, a template error) puts the site back as
     * it was before it began, and leaves its marker, so that the next build is a full one.
     */
    public BuildReport build(Options options, Progress progress) throws ContentException, IOException {
        OutputWriter out = writers.apply(options.out());
        boolean built = false;
        try {
            BuildReport report = build(options, progress, out);
            built = true;
            return report;
        } finally {
            if (!built) {
                out.rollback();
            }
        }
    }

    private BuildReport build(Options options, Progress progress, OutputWriter out) throws ContentException, IOException {
        long start = System.nanoTime();
        StageTimes times = new StageTimes();
        ContentScanner.Scan scan = ContentScanner.scan(options.content(), options.excludes(), options.out());
        Manifest previous = Manifest.load(options.out());
        Map<String, Manifest.FileState> files = InputStates.of(scan.files(), previous.files());
        List<String> skipped = new ArrayList<>(scan.skipped());
        files.forEach((name, state) -> {
            if (state.skipped()) {
                skipped.add(name);
            }
        });
        skipped.sort(Comparator.naturalOrder());
        int dayFiles = (int) files.values().stream().filter(f -> !f.skipped()).count();
        if (dayFiles == 0 && scan.problems().isEmpty()) {
            throw new ContentException("no day file in " + options.content().stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + SkippedLine.of(skipped, "; "));
        }
        Files.createDirectories(options.out());
        BuildMarker marker = new BuildMarker(options.out());
        boolean killedBefore = marker.left();
        if (killedBefore) {
            out.sweepTemporaryFiles();
        }
        marker.set();

        String fingerprint = Fingerprint.of(options.templates(), options.site(), outputs);
        // After a killed build some pages may be newer than the manifest says, whatever the inputs
        // are now: only a full build is sure to make them consistent again.
        Manifest old = options.full() || killedBefore ? Manifest.empty() : previous;
        boolean sameTemplates = fingerprint.equals(old.fingerprint());
        DayPlan plan = DayPlan.of(scan.files(), files);
        InputReads reads = new InputReads(files);
        PageRenderer pages = new PageRenderer(new TemplateEngine(options.templates()), out, options.site(),
                ItemLinks.all(outputs.stream().map(ArchiveOutput::itemLinks).toList()));

        Map<String, Manifest.DayState> days = new TreeMap<>();
        Set<LocalDate> dirty = new HashSet<>();
        for (LocalDate date : plan.days().keySet()) {
            Manifest.DayState before = old.days().get(date.toString());
            Manifest.DayState now = dayState(date, plan, files);
            if (sameTemplates && before != null && sameInputs(before, now)) {
                days.put(date.toString(), before);
            } else {
                dirty.add(date);
            }
        }
        Set<YearMonth> dirtyMonths = new HashSet<>();
        dirty.forEach(d -> dirtyMonths.add(YearMonth.from(d)));
        for (String removed : previous.days().keySet()) {
            if (!plan.days().containsKey(LocalDate.parse(removed))) {
                LocalDate date = LocalDate.parse(removed);
                out.delete(SitePaths.dayPage(date));
                dirtyMonths.add(YearMonth.from(date));
            }
        }

        Set<YearMonth> changedMonths = Set.copyOf(dirtyMonths);
        for (ArchiveOutput output : outputs) {
            dirtyMonths.addAll(times.timeValue(output.name(), () -> output.prepare(
                    plan.months().keySet(), changedMonths, month -> parse(plan.months().get(month), plan, reads), out)));
        }
        buildMonths(plan, reads, dirty, dirtyMonths, days, pages, out, options.threads(), progress, times);

        NavigableMap<LocalDate, DaySummary> summaries = new TreeMap<>();
        List<Problem> problems = new ArrayList<>(scan.problems());
        files.values().stream().filter(f -> f.windows().isEmpty()).forEach(f -> problems.addAll(f.problems()));
        days.forEach((date, state) -> {
            summaries.put(LocalDate.parse(date), new DaySummary(LocalDate.parse(date), state.count(), state.major(),
                    state.duplicates(), state.hours()));
            problems.addAll(state.problems());
        });
        problems.sort(Comparator.comparing((Problem p) -> p.where().file()).thenComparingInt(p -> p.where().line()));

        long items = summaries.values().stream().mapToLong(DaySummary::count).sum();
        // With no day, file or template changed, every archive-wide page would come out the same.
        boolean nothingChanged = sameTemplates && !killedBefore && dirtyMonths.isEmpty() && files.equals(old.files());
        if (!nothingChanged) {
            // a month page shows its own days and its neighbours: with the same months and
            // templates as last time, only the months that changed need theirs again
            Set<YearMonth> monthsBefore = new HashSet<>();
            old.days().keySet().forEach(d -> monthsBefore.add(YearMonth.from(LocalDate.parse(d))));
            Set<YearMonth> monthsNow = new HashSet<>();
            summaries.keySet().forEach(d -> monthsNow.add(YearMonth.from(d)));
            Set<YearMonth> monthPages = sameTemplates && monthsBefore.equals(monthsNow) ? dirtyMonths : monthsNow;
            writeArchivePages(summaries, items, problems, dirtyMonths, monthPages, pages, out, options, times);
        }
        new Manifest(Manifest.VERSION, fingerprint, reads.forManifest(), days).save(out);
        out.commit();
        marker.clear();
        long millis = (System.nanoTime() - start) / 1_000_000;
        DuplicateCounts duplicates = summaries.values().stream().map(DaySummary::duplicates)
                .reduce(DuplicateCounts.NONE, DuplicateCounts::plus);
        return new BuildReport(dayFiles, skipped, changedFiles(files, previous.files()), summaries.size(),
                dirty.stream().sorted().toList(), items, problems,
                out.filesWritten(), out.bytesWritten(), millis, duplicates, times.cpu(), out.written());
    }

    /**
     * Home, month pages, reports, host files, the archive-wide outputs and assets. The archive
     * pages and the outputs' {@link ArchiveOutput#finish} run side by side on the build's threads
     * (on one thread, the main thread was alone for seconds while the other core idled); an output
     * that reads what the outputs before it finished waits for them.
     */
    private void writeArchivePages(NavigableMap<LocalDate, DaySummary> summaries, long items, List<Problem> problems,
                                   Set<YearMonth> dirtyMonths, Set<YearMonth> monthPages, PageRenderer pages,
                                   OutputWriter out, Options options, StageTimes times) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try {
            // submitted in order, so an output's waits are on tasks already started or done: no deadlock on one thread
            List<Future<?>> tasks = new ArrayList<>();
            tasks.add(pool.submit(() -> {
                times.time("archive pages", () -> archivePages(summaries, items, problems, dirtyMonths, monthPages,
                        pages, out));
                return null;
            }));
            List<Future<?>> outputsBefore = new ArrayList<>();
            for (ArchiveOutput output : outputs) {
                List<Future<?>> waitFor = output.finishReadsEarlierOutputs() ? List.copyOf(outputsBefore) : List.of();
                Future<?> finished = pool.submit(() -> {
                    for (Future<?> earlier : waitFor) {
                        join(earlier);
                    }
                    times.time(output.name(), () -> output.finish(summaries, dirtyMonths, out, pages));
                    return null;
                });
                outputsBefore.add(finished);
                tasks.add(finished);
            }
            for (Future<?> task : tasks) {
                join(task);
            }
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        AssetCopier.copy(options.templates(), out);
    }

    private void archivePages(NavigableMap<LocalDate, DaySummary> summaries, long items, List<Problem> problems,
                              Set<YearMonth> dirtyMonths, Set<YearMonth> monthPages, PageRenderer pages, OutputWriter out) {
        NavigableMap<YearMonth, NavigableMap<LocalDate, DaySummary>> months = CalendarModel.byMonth(summaries);
        for (YearMonth month : months.keySet()) {
            if (!monthPages.contains(month)) {
                continue;
            }
            String root = SitePaths.rootFrom(SitePaths.monthPage(month));
            List<telegraph.render.Link> highlights = outputs.stream()
                    .flatMap(o -> o.monthHighlights(month, out, root).stream()).toList();
            pages.month(month, months.get(month), months.lowerKey(month), months.higherKey(month), highlights);
        }
        dirtyMonths.stream().filter(m -> !months.containsKey(m)).forEach(m -> out.delete(SitePaths.monthPage(m)));
        pages.home(summaries, items, problems.size());
        pages.problems(problems);
        pages.siteFiles(summaries);
        pages.coverage(summaries);
    }

    /** Day files added, removed or whose bytes differ from those of the last build. */
    private static int changedFiles(Map<String, Manifest.FileState> now, Map<String, Manifest.FileState> before) {
        long changed = now.entrySet().stream().filter(e -> !e.getValue().skipped()).filter(e -> before.get(e.getKey()) == null
                || !before.get(e.getKey()).sha256().equals(e.getValue().sha256())).count();
        long removed = before.entrySet().stream().filter(e -> !e.getValue().skipped() && !now.containsKey(e.getKey())).count();
        return (int) (changed + removed);
    }

    /** A day's inputs and neighbours as they are now; its counts are filled in once it is built. */
    private static Manifest.DayState dayState(LocalDate date, DayPlan plan, Map<String, Manifest.FileState> files) {
        List<String> names = plan.days().get(date).stream().map(InputFile::name).toList();
        List<String> hashes = names.stream().map(n -> files.get(n).sha256()).toList();
        return new Manifest.DayState(0, 0, names, hashes, Objects.toString(plan.previous(date), null),
                Objects.toString(plan.next(date), null), List.of(), DuplicateCounts.NONE, List.of());
    }

    private static boolean sameInputs(Manifest.DayState a, Manifest.DayState b) {
        return a.files().equals(b.files()) && a.sha256s().equals(b.sha256s())
                && Objects.equals(a.prev(), b.prev()) && Objects.equals(a.next(), b.next());
    }

    private void buildMonths(DayPlan plan, InputReads reads, Set<LocalDate> dirty,
                             Set<YearMonth> dirtyMonths, Map<String, Manifest.DayState> days, PageRenderer pages,
                             OutputWriter out, int threads, Progress progress, StageTimes times) throws IOException {
        Map<String, Manifest.DayState> built = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            plan.months().descendingMap().forEach((month, dates) -> {
                if (dirtyMonths.contains(month)) {
                    futures.add(pool.submit(() -> {
                        buildMonth(month, dates, dirty, plan, reads, pages, out, built, times,
                                () -> progress.dayDone(done.incrementAndGet(), dirty.size()));
                        return null;
                    }));
                }
            });
            for (Future<?> future : futures) {
                join(future);
            }
        } finally {
            // No worker may still write into the site once the build has returned, whatever happened.
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        days.putAll(built);
    }

    /**
     * Renders the changed days of a month. The archive-wide outputs (the JSON export at least) need
     * the whole month, so the month's unchanged days are parsed too (but not rendered).
     */
    private void buildMonth(YearMonth month, List<LocalDate> dates, Set<LocalDate> dirty, DayPlan plan,
                            InputReads reads, PageRenderer pages, OutputWriter out,
                            Map<String, Manifest.DayState> built, StageTimes times, Runnable dayDone)
            throws IOException {
        DayFileReader reader = new DayFileReader();
        DayAssembler assembler = new DayAssembler();
        List<Day> monthDays = new ArrayList<>();
        for (LocalDate date : dates) {
            Parsed parsedDay = times.timeValue("read and assemble", () -> day(date, plan, reads, reader, assembler));
            Day day = parsedDay.day();
            monthDays.add(day);
            if (dirty.contains(date)) {
                times.time("day pages", () -> pages.day(day, plan.previous(date), plan.next(date)));
                // the hashes of the bytes parsed, which differ from the planned ones if a file was rewritten
                Manifest.DayState planned = dayState(date, plan, reads.planned());
                built.put(date.toString(), new Manifest.DayState(day.items().size(), day.majorCount(), planned.files(),
                        parsedDay.sha256s(), planned.prev(), planned.next(),
                        day.problems(), day.duplicates(), DayPageModel.hourCounts(day.items())));
                dayDone.run();
            }
        }
        for (ArchiveOutput output : outputs) {
            times.time(output.name(), () -> output.month(month, monthDays, out, pages));
        }
    }

    /** A month's days, parsed. */
    private List<Day> parse(List<LocalDate> dates, DayPlan plan, InputReads reads) {
        DayFileReader reader = new DayFileReader();
        DayAssembler assembler = new DayAssembler();
        return dates.stream().map(date -> day(date, plan, reads, reader, assembler).day()).toList();
    }

    /** A day, and the hashes of the bytes it was parsed from (the manifest records them). */
    private record Parsed(Day day, List<String> sha256s) {
    }

    /**
     * The day as parsed from its files: taken from the days kept by earlier builds when its files
     * are the same bytes, else read and assembled (and kept).
     */
    private Parsed day(LocalDate date, DayPlan plan, InputReads reads, DayFileReader reader, DayAssembler assembler) {
        List<InputFile> inputs = plan.days().get(date);
        List<String> names = inputs.stream().map(InputFile::name).toList();
        List<String> planned = names.stream().map(n -> reads.planned().get(n).sha256()).toList();
        Day kept = parsed.get(date, names, planned);
        if (kept != null) {
            return new Parsed(kept, planned);
        }
        List<InputReads.Read> read = inputs.stream().map(f -> reads.read(reader, f)).toList();
        Day day = assembler.assemble(date, read.stream().map(InputReads.Read::file).toList());
        List<String> hashes = read.stream().map(InputReads.Read::sha256).toList();
        parsed.put(day, names, hashes);
        return new Parsed(day, hashes);
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("build interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                // its message names the file that could not be written; its cause's may not
                throw io;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
