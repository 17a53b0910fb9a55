package telegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import telegraph.model.Problem;
import telegraph.render.SiteInfo;
import telegraph.render.TemplateEngine;
import telegraph.site.BuildReport;
import telegraph.site.ContentException;
import telegraph.site.SiteBuilder;

/** {@code build}: turns the content folder into the site folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site from day files. Exit codes: 0 ok, 1 input problems reported "
                + "(site built), 2 usage error or unusable content folder, 3 output or template failure.")
public final class BuildCommand implements Callable<Integer> {

    private static final int MAX_PROBLEMS_SHOWN = 40;
    private static final long PROGRESS_EVERY_MS = 2_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of day files (*.md, searched recursively). Default: ${DEFAULT-VALUE}")
    List<Path> content;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
            description = "Output folder. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Template folder overriding the built-in templates, if it exists. Default: ${DEFAULT-VALUE}")
    Path templates;

    @Option(names = "--title", defaultValue = "财联社电报存档", description = "Site title. Default: ${DEFAULT-VALUE}")
    String title;

    @Option(names = "--base-url", defaultValue = "", paramLabel = "URL",
            description = "Absolute URL the site will be hosted at (for canonical links); links stay relative.")
    String baseUrl;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: number of cores")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--full", description = "Rebuild every page, ignoring what the last build left in the output folder.")
    boolean full;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems and errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Path userTemplates = Files.isDirectory(templates) ? templates : null;
        SiteBuilder.Options options = new SiteBuilder.Options(content, out, userTemplates,
                new SiteInfo(title, baseUrl), threads, full);
        long started = System.currentTimeMillis();
        long[] lastReport = {started};
        BuildReport report;
        try {
            report = new SiteBuilder(List.of()).build(options, (done, total) -> {
                long now = System.currentTimeMillis();
                synchronized (lastReport) {
                    if (!quiet && now - lastReport[0] >= PROGRESS_EVERY_MS) {
                        lastReport[0] = now;
                        err.printf("  … %d/%d days (%d%%)%n", done, total, 100L * done / Math.max(1, total));
                        err.flush();
                    }
                }
            });
        } catch (ContentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException | UncheckedIOException | TemplateEngine.TemplateFailure e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        printProblems(report.problems(), err);
        if (!quiet) {
            outWriter.printf("built %s: %d files, %d days (%d rebuilt), %d items, %d warnings, %d files written (%.1f MB) in %.1f s%n",
                    out, report.files(), report.days(), report.rebuiltDays(), report.items(), report.problems().size(),
                    report.pages(),
                    report.bytes() / 1e6, report.millis() / 1000.0);
        }
        return report.hasProblems() ? ExitCodes.INPUT_PROBLEMS : ExitCodes.OK;
    }

    private void printProblems(List<Problem> problems, PrintWriter err) {
        problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> err.println(p));
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            err.printf("… and %d more, listed in %s%n", problems.size() - MAX_PROBLEMS_SHOWN, out.resolve("problems.html"));
        }
    }
}
