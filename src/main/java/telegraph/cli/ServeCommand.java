package telegraph.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import telegraph.preview.PreviewServer;

/** {@code serve}: builds, serves the site locally, rebuilds on change and reloads open pages. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the site, serves it on http://127.0.0.1:PORT/, rebuilds what changed when content or "
                + "templates change, and reloads open pages. Stop with Ctrl+C.")
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BuildOptions options;

    @Option(names = "--port", defaultValue = "8000", description = "Port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only)")
    String bind;

    @Mixin
    Watching watching;

    @Override
    public Integer call() {
        return options.locked(spec.commandLine().getErr(), this::serve);
    }

    private int serve() {
        CommandLine cli = spec.commandLine();
        int first = watching.firstBuild(options, cli);
        if (first != Watching.CONTINUE) {
            return first;
        }
        try (PreviewServer server = new PreviewServer(options.out(), bind, port)) {
            cli.getOut().printf("serving %s at http://%s:%d/%n", options.out(), bind, server.port());
            cli.getOut().flush();
            return watching.watch(options, cli, server::reloadPages);
        } catch (IOException e) {
            cli.getErr().println("error: cannot serve on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
