package telegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import telegraph.model.DuplicateCounts;
import telegraph.model.Problem;
import telegraph.render.SiteInfo;
import telegraph.render.TemplateEngine;
import telegraph.site.BuildReport;
import telegraph.site.DayCache;
import telegraph.parse.ContentException;
import telegraph.output.IoMessages;
import telegraph.output.OutputLock;
import telegraph.site.SiteBuilder;
import telegraph.site.SkippedLine;
import telegraph.topics.ThemeSource;

/** The options every building command shares (build, watch, serve), and one build run. */
public final class BuildOptions {

    private static final int MAX_PROBLEMS_SHOWN = 40;
    private static final long PROGRESS_EVERY_MS = 2_000;
    private static final long LOCK_POLL_MS = 200;
    /** Feed readers fetch a feed by itself: links relative to it only work where xml:base is honoured. */
    public static final String RELATIVE_FEEDS = "warning: feeds written without --base-url: their links are relative,"
            + " which many feed readers cannot follow";

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of day files (*.md, *.jsonl, searched recursively; hidden files and other files "
                    + "skipped); may be repeated. Default: ${DEFAULT-VALUE}")
    List<Path> content;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Do not read the content paths this glob matches; "
            + "may be repeated. With a '/' it matches paths relative to the content folder ('notes/**'), without one "
            + "a file or folder name at any depth ('*.txt', 'drafts').")
    List<String> excludes = List.of();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
            description = "Output folder. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Template folder overriding the built-in templates, if it exists. Default: ${DEFAULT-VALUE}")
    Path templates;

    @Option(names = "--topics", paramLabel = "FILE", description = "Themes file (YAML). Default: topics.yml in the "
            + "first content folder, else the themes the jar carries.")
    Path themesFile;

    @Option(names = "--title", defaultValue = "财联社电报存档", description = "Site title. Default: ${DEFAULT-VALUE}")
    String title;

    @Option(names = "--base-url", defaultValue = "", paramLabel = "URL",
            description = "Absolute URL the site will be hosted at: canonical links, sitemap and feed links; page links"
                    + " stay relative.")
    String baseUrl;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: number of cores")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--full", description = "Rebuild every page, ignoring what the last build left in the output folder.")
    boolean full;

    @Option(names = "--search-positions", description = "Keep the position of every word in the search index, so that "
            + "search counts results exactly without reading their text (the index grows by about 60 %).")
    boolean searchPositions;

    @Option(names = "--timings", description = "Also print the CPU time of each build stage (summed over threads).")
    boolean timings;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems and errors.")
    boolean quiet;

    @Option(names = "--wait", description = "If another build, watch or serve is using the output folder, wait for it "
            + "to end instead of exiting with code 4.")
    boolean wait;

    /** Once per run: a watch rebuilds many times, and the advice does not change. */
    private boolean warnedRelativeFeeds;

    Path out() {
        return out;
    }

    /** Folders whose changes call for a rebuild: the content folders and the template folder. */
    List<Path> watched() {
        return Files.isDirectory(templates)
                ? java.util.stream.Stream.concat(content.stream(), java.util.stream.Stream.of(templates)).toList()
                : content;
    }

    /** What runs while the output folder is locked: one build, or a build and then watching. */
    @FunctionalInterface
    interface LockedWork {
        int run();
    }

    /**
     * Runs {@code work} holding the output folder's lock, so that no other build writes the folder
     * meanwhile; with {@code --wait}, waits for the lock first, else gives up at once.
     *
     * @return the work's exit code, or {@link ExitCodes#LOCKED} or {@link ExitCodes#FAILED} if it did not run
     */
    int locked(PrintWriter stderr, LockedWork work) {
        boolean toldWaiting = false;
        while (true) {
            try (OutputLock lock = OutputLock.take(out)) {
                return work.run();
            } catch (OutputLock.HeldException e) {
                if (!wait) {
                    stderr.println("error: " + e.getMessage() + "; run again when it ends, or use --wait");
                    stderr.flush();
                    return ExitCodes.LOCKED;
                }
                if (!toldWaiting) {
                    stderr.println("waiting: " + e.getMessage());
                    stderr.flush();
                    toldWaiting = true;
                }
            } catch (IOException | UncheckedIOException e) {
                stderr.println("error: " + e.getMessage());
                stderr.flush();
                return ExitCodes.FAILED;
            }
            try {
                Thread.sleep(LOCK_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.LOCKED;
            }
        }
    }

    /** What a build prints on stdout once it is done (problems go to stderr before it). */
    @FunctionalInterface
    interface Summary {
        void print(BuildReport report, ThemeSource themes, PrintWriter stdout);
    }

    /**
     * Builds once, parsing every changed month's days afresh, and prints problems, progress and the
     * summary lines.
     *
     * @return the exit code
     */
    int build(PrintWriter stdout, PrintWriter stderr) {
        return build(stdout, stderr, DayCache.none(), this::printSummary);
    }

    /**
     * Builds once and prints problems, progress and {@code summary}.
     *
     * @param parsed days parsed by earlier builds, taken instead of parsing their files again
     * @return the exit code
     */
    int build(PrintWriter stdout, PrintWriter stderr, DayCache parsed, Summary summary) {
        Path userTemplates = Files.isDirectory(templates) ? templates : null;
        SiteBuilder.Options options = new SiteBuilder.Options(content, out, userTemplates,
                new SiteInfo(title, baseUrl), threads, full, excludes);
        long[] lastReport = {System.currentTimeMillis()};
        BuildReport report;
        ThemeSource themes;
        try {
            themes = ThemeSource.resolve(themesFile, content);
            report = new SiteBuilder(SiteOutputs.of(themes, searchPositions), parsed).build(options, (done, total) -> {
                long now = System.currentTimeMillis();
                synchronized (lastReport) {
                    if (!quiet && now - lastReport[0] >= PROGRESS_EVERY_MS) {
                        lastReport[0] = now;
                        stderr.printf("  … %d/%d days (%d%%)%n", done, total, 100L * done / Math.max(1, total));
                        stderr.flush();
                    }
                }
            });
        } catch (ContentException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            stderr.println("error: " + IoMessages.oneLine(e));
            return ExitCodes.FAILED;
        } catch (UncheckedIOException | TemplateEngine.TemplateFailure e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        printProblems(report.problems(), stderr);
        if (baseUrl.isEmpty() && !warnedRelativeFeeds) {
            warnedRelativeFeeds = true;
            stderr.println(RELATIVE_FEEDS);
        }
        if (!quiet) {
            summary.print(report, themes, stdout);
        }
        if (timings) {
            report.cpu().forEach((stage, cpu) -> stdout.printf("  cpu %s: %.2f s (user %.2f s, system %.2f s)%n",
                    stage, cpu.totalMillis() / 1000.0, cpu.userMillis() / 1000.0, cpu.systemMillis() / 1000.0));
        }
        stdout.flush();
        stderr.flush();
        return report.hasProblems() ? ExitCodes.INPUT_PROBLEMS : ExitCodes.OK;
    }

    /** The summary of a build: what was read and built, what was written, folded, and the themes used. */
    void printSummary(BuildReport report, ThemeSource themes, PrintWriter stdout) {
        stdout.printf("built %s: %d files, %d days (%d rebuilt), %d items, %d warnings, %d files written (%.1f MB) in %.1f s%n",
                out, report.files(), report.days(), report.rebuiltDays(), report.items(), report.problems().size(),
                report.pages(), report.bytes() / 1e6, report.millis() / 1000.0);
        String skipped = SkippedLine.of(report.skipped(), "  ");
        if (!skipped.isEmpty()) {
            stdout.println(skipped);
        }
        String written = WrittenLine.of(report.written());
        if (!written.isEmpty()) {
            stdout.println(written);
        }
        DuplicateCounts d = report.duplicates();
        stdout.printf("  folded: %d in both channels, %d from two archives, %d earlier versions of re-posts;"
                + " %d items linked to near-duplicates%n", d.bothChannels(), d.crossSource(), d.reposts(), d.similar());
        stdout.printf("  themes: %s%n", themes.describe());
    }

    private void printProblems(List<Problem> problems, PrintWriter err) {
        problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(err::println);
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            err.printf("… and %d more, listed in %s%n", problems.size() - MAX_PROBLEMS_SHOWN, out.resolve("problems.html"));
        }
    }
}
