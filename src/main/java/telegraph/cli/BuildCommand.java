package telegraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code build}: turns the content folder into the site folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site from day files, redoing only what changed since the last build into the "
                + "same folder. Exit codes: 0 ok, 1 input problems reported (site built), 2 usage error or "
                + "unusable content folder, 3 output or template failure, 4 output folder in use by another "
                + "build, watch or serve.")
public final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BuildOptions options;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return options.locked(err, () -> options.build(spec.commandLine().getOut(), err));
    }
}
