package telegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import telegraph.preview.ContentWatcher;

/** {@code watch}: builds, then rebuilds incrementally whenever content or templates change. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Builds the site, then rebuilds what changed each time a file in the content or template "
                + "folders changes. Stop with Ctrl+C.")
public final class WatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BuildOptions options;

    @Option(names = "--quiet-ms", paramLabel = "MS", defaultValue = "300",
            description = "Wait this long after the last change before rebuilding. Default: ${DEFAULT-VALUE}")
    long quietMillis;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        int first = options.build(cli.getOut(), cli.getErr(), false);
        if (first == ExitCodes.USAGE || first == ExitCodes.FAILED) {
            return first;
        }
        return watchOnly(options, quietMillis, cli, () -> { });
    }

    /** Watches and rebuilds until interrupted; {@code afterBuild} runs after each rebuild. */
    static int watchOnly(BuildOptions options, long quietMillis, CommandLine cli, Runnable afterBuild) {
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        try (ContentWatcher watcher = new ContentWatcher(options.watched(), quietMillis)) {
            out.println("watching " + options.watched() + " for changes (Ctrl+C to stop)");
            out.flush();
            watcher.run(changed -> {
                out.println("changed: " + changed.size() + " file(s), e.g. " + changed.iterator().next());
                options.build(out, err, false);
                afterBuild.run();
            });
        } catch (IOException e) {
            err.println("error: cannot watch " + options.watched() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
