package telegraph.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import telegraph.output.OutputPart;
import telegraph.output.OutputWriter;

/** The summary's second line: what the build wrote, part by part, so a user sees where the size goes. */
final class WrittenLine {

    private WrittenLine() {
    }

    /** e.g. {@code   written: day pages 7.3 MB / 27 files, data 2.3 MB / 5 files, assets 70 kB / 4 files}; empty if nothing was. */
    static String of(Map<OutputPart, OutputWriter.Written> written) {
        if (written.isEmpty()) {
            return "";
        }
        return written.entrySet().stream()
                .map(e -> e.getKey().label() + " " + size(e.getValue().bytes()) + " / " + e.getValue().files()
                        + (e.getValue().files() == 1 ? " file" : " files"))
                .collect(Collectors.joining(", ", "  written: ", ""));
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return bytes >= 1_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3) : bytes + " B";
    }
}
