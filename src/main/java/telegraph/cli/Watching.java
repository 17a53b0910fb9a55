package telegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import telegraph.preview.ContentWatcher;
import telegraph.site.DayCache;

/**
 * What {@code watch} and {@code serve} share: a first build, then a rebuild after each change. The
 * days parsed are kept from one build to the next, so that a rebuild after the open day's file
 * grew parses that file only.
 */
public final class Watching {

    /** Returned by {@link #firstBuild} when watching may start. */
    static final int CONTINUE = -1;

    @Option(names = "--quiet-ms", paramLabel = "MS", defaultValue = "300",
            description = "Wait this long after the last change before rebuilding. Default: ${DEFAULT-VALUE}")
    long quietMillis;

    private final DayCache parsed = DayCache.ofRecent(DayCache.RECENT_ITEMS);
    /** The archive's items after the last build, for the next rebuild's line. */
    private long items;

    /** Builds once; returns the exit code when there is no site to watch or serve, else {@link #CONTINUE}. */
    int firstBuild(BuildOptions options, CommandLine cli) {
        int code = options.build(cli.getOut(), cli.getErr(), parsed, (report, themes, stdout) -> {
            items = report.items();
            options.printSummary(report, themes, stdout);
        });
        return code == ExitCodes.USAGE || code == ExitCodes.FAILED ? code : CONTINUE;
    }

    /** Watches and rebuilds until interrupted; {@code afterBuild} runs after each rebuild. */
    int watch(BuildOptions options, CommandLine cli, Runnable afterBuild) {
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        try (ContentWatcher watcher = new ContentWatcher(options.watched(), quietMillis)) {
            if (!options.quiet) {
                out.println("watching " + options.watched() + " for changes (Ctrl+C to stop)");
                out.flush();
            }
            watcher.run(changed -> {
                if (!options.quiet) {
                    out.println("changed: " + changed.size() + " file(s), e.g. " + changed.iterator().next());
                }
                options.build(out, err, parsed, (report, themes, stdout) -> {
                    stdout.println(RebuiltLine.of(report, items));
                    String written = WrittenLine.of(report.written());
                    if (!written.isEmpty()) {
                        stdout.println(written);
                    }
                    items = report.items();
                });
                afterBuild.run();
            });
        } catch (IOException e) {
            err.println("error: cannot watch " + options.watched() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
