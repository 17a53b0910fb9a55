package telegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import telegraph.export.ExportReader;

/** {@code export}: prints a built site's JSON export (data/) as JSON Lines, one item a line. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Prints the items of a built site's export (data/), or of one month, as JSON Lines to "
                + "standard output, one item a line in time order (see data.md for the fields).")
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "SITE", defaultValue = "site",
            description = "The built site. Default: ${DEFAULT-VALUE}")
    Path site;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only this month")
    String month;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ExportReader export = new ExportReader(site);
            List<String> months = month == null ? export.months() : List.of(month);
            if (month != null && !export.months().contains(month)) {
                err.println("error: the export of " + site + " has no month " + month + " (it has "
                        + String.join(", ", export.months()) + ")");
                return ExitCodes.USAGE;
            }
            for (String m : months) {
                export.lines(m, out::print);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
