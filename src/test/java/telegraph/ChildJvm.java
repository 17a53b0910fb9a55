package telegraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** telegraph's command line in a JVM of its own, for tests that kill it or run two at once. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The command that runs {@code telegraph.cli.Main} with these arguments on the tests' class path. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "telegraph.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts it, stdout and stderr both in {@code log}. */
    public static Process start(Path log, String... args) throws IOException {
        return start(log, command(args));
    }

    public static Process start(Path log, List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
