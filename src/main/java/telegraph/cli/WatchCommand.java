package telegraph.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code watch}: builds, then rebuilds incrementally whenever content or templates change. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Builds the site, then rebuilds what changed each time a file in the content or template "
                + "folders changes. Stop with Ctrl+C.")
public final class WatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BuildOptions options;

    @Mixin
    Watching watching;

    @Override
    public Integer call() {
        // the lock is held while watching: a build started meanwhile would race the next rebuild
        return options.locked(spec.commandLine().getErr(), () -> {
            int first = watching.firstBuild(options, spec.commandLine());
            return first != Watching.CONTINUE ? first : watching.watch(options, spec.commandLine(), () -> { });
        });
    }
}
