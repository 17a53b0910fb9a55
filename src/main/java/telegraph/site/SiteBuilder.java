package telegraph.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import telegraph.model.Day;
import telegraph.model.Problem;
import telegraph.model.SourceLine;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;
import telegraph.render.CalendarModel;
import telegraph.render.PageRenderer;
import telegraph.render.SiteInfo;
import telegraph.render.TemplateEngine;

/**
 * The whole build: find the day files, plan the calendar from their headings, then parse and
 * render month by month on all cores (a month of days is the unit of work, so memory stays
 * bounded by a few months whatever the archive's size), then the archive-wide pages.
 */
public final class SiteBuilder {

    /**
     * @param content   folders of day files
     * @param out       the output folder
     * @param templates the user's template folder, or null for the defaults in the jar
     * @param site      site-wide values for templates
     * @param threads   worker threads
     */
    public record Options(List<Path> content, Path out, Path templates, SiteInfo site, int threads) {
        public Options {
            content = List.copyOf(content);
        }
    }

    private final List<ArchiveOutput> outputs;

    /** @param outputs archive-wide outputs built beside the day pages (search, topics…) */
    public SiteBuilder(List<ArchiveOutput> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    /** Told after each day is written; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void dayDone(int done, int total);
    }

    private record MonthResult(List<DaySummary> days, List<Problem> problems) {
    }

    public BuildReport build(Options options, Progress progress) throws ContentException, IOException {
        long start = System.nanoTime();
        ContentScanner.Scan scan = ContentScanner.scan(options.content());
        DayPlan plan = DayPlan.of(scan.files());
        Files.createDirectories(options.out());
        OutputWriter out = new OutputWriter(options.out());
        PageRenderer pages = new PageRenderer(new TemplateEngine(options.templates()), out, options.site());

        List<Problem> problems = new ArrayList<>(scan.problems());
        for (InputFile file : plan.undated()) {
            problems.addAll(read(new DayFileReader(), file).problems());
        }
        NavigableMap<LocalDate, DaySummary> summaries = new TreeMap<>();
        AtomicInteger done = new AtomicInteger();
        int total = plan.days().size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try {
            List<Future<MonthResult>> futures = new ArrayList<>();
            for (List<LocalDate> month : plan.months().descendingMap().values()) {
                futures.add(pool.submit(() -> buildMonth(month, plan, pages, out, () ->
                        progress.dayDone(done.incrementAndGet(), total))));
            }
            for (Future<MonthResult> future : futures) {
                MonthResult result = join(future);
                result.days().forEach(d -> summaries.put(d.date(), d));
                problems.addAll(result.problems());
            }
        } finally {
            pool.shutdownNow();
        }
        problems.sort(Comparator.comparing((Problem p) -> p.where().file()).thenComparingInt(p -> p.where().line()));

        long items = summaries.values().stream().mapToLong(DaySummary::count).sum();
        NavigableMap<YearMonth, Map<LocalDate, DaySummary>> months = CalendarModel.byMonth(summaries);
        for (YearMonth month : months.keySet()) {
            pages.month(month, months.get(month), months.lowerKey(month), months.higherKey(month));
        }
        pages.home(summaries, items, problems.size());
        pages.problems(problems);
        for (ArchiveOutput output : outputs) {
            output.finish(summaries, out, pages);
        }
        AssetCopier.copy(options.templates(), out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildReport(scan.files().size(), summaries.size(), items, problems, out.filesWritten(),
                out.bytesWritten(), millis);
    }

    private MonthResult buildMonth(List<LocalDate> dates, DayPlan plan, PageRenderer pages, OutputWriter out,
                                   Runnable dayDone) throws IOException {
        DayFileReader reader = new DayFileReader();
        DayAssembler assembler = new DayAssembler();
        List<DaySummary> summaries = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (LocalDate date : dates) {
            List<DayFile> files = plan.days().get(date).stream().map(f -> read(reader, f)).toList();
            Day day = assembler.assemble(date, files);
            pages.day(day, plan.previous(date), plan.next(date));
            summaries.add(new DaySummary(date, day.items().size(), day.majorCount()));
            problems.addAll(day.problems());
            if (!outputs.isEmpty()) {
                days.add(day);
            }
            dayDone.run();
        }
        for (ArchiveOutput output : outputs) {
            output.month(YearMonth.from(dates.get(0)), days, out, pages);
        }
        return new MonthResult(summaries, problems);
    }

    private static DayFile read(DayFileReader reader, InputFile file) {
        try {
            return reader.read(file.name(), Files.readAllBytes(file.path()));
        } catch (IOException e) {
            Problem problem = new Problem(new SourceLine(file.name(), 0), "cannot read: " + e.getMessage(), "");
            return new DayFile(file.name(), "", telegraph.model.Channel.GENERAL, null, null, List.of(), List.of(problem));
        }
    }

    private static <T> T join(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("build interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
