package telegraph.site;

import telegraph.output.OutputWriter;
import telegraph.output.StaleFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import telegraph.model.Problem;

/**
 * What the last build read and wrote, kept in the output folder so the next build can redo only
 * what changed. Kept as one part per month ({@code .telegraph/manifest/YYYY-MM.json}: the month's
 * days and the files with items on them) and a head ({@code .telegraph/manifest.json}: layout,
 * fingerprint, the files on no day, the months), so that a day that grows rewrites its month's
 * part, not a record of the whole archive (0.8 kB a day: 3 MB at ten years). The head is written
 * last: a build killed before that leaves the previous head, and the next build redoes everything
 * that differs from it (it is a full build anyway, as the build's marker says).
 *
 * @param version     the manifest layout; another value means a full rebuild
 * @param fingerprint templates and options of the last build ({@link Fingerprint})
 * @param files       input files by report name
 * @param days        built days by ISO date
 */
public record Manifest(int version, String fingerprint, Map<String, FileState> files, Map<String, DayState> days) {

    static final int VERSION = 4;
    static final String PATH = ".telegraph/manifest.json";
    private static final String PARTS_DIR = ".telegraph/manifest";
    static final String PARTS = PARTS_DIR + "/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param size     bytes
     * @param modified last-modified time, to skip hashing unchanged files
     * @param sha256   content hash
     * @param windows  the window days it has items for (ISO dates), empty when none
     * @param problems for files on no day: their problems (a day's are kept with the day)
     * @param skipped  not a day file of any layout: never shown, listed in the "skipped" line
     */
    public record FileState(long size, String modified, String sha256, List<String> windows, List<Problem> problems,
                            boolean skipped) {
    }

    /**
     * @param files    report names of the day's files, sorted
     * @param sha256s  their content hashes, same order
     * @param duplicates what was folded together on the day
     * @param hours    items per hour of the window, 05:00 first
     * @param prev     the previous day when it was built, or null
     * @param next     the next day, or null
     */
    public record DayState(int count, long major, List<String> files, List<String> sha256s, String prev, String next,
                           List<Problem> problems, telegraph.model.DuplicateCounts duplicates, List<Integer> hours) {
    }

    /** The head file: what belongs to no month, and the months whose parts hold the rest. */
    private record Head(int version, String fingerprint, Map<String, FileState> files, List<String> months) {
    }

    /** One month's part: its days, and the files whose first day with items is in it. */
    private record Part(Map<String, FileState> files, Map<String, DayState> days) {
    }

    static Manifest empty() {
        return new Manifest(VERSION, "", new TreeMap<>(), new TreeMap<>());
    }

    /** The manifest in an output folder, or an empty one when the head or a part is missing or unreadable. */
    static Manifest load(Path out) {
        Path file = out.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            Head head = JSON.readValue(file.toFile(), Head.class);
            if (head.version() != VERSION || head.files() == null || head.months() == null) {
                return empty();
            }
            Manifest m = new Manifest(VERSION, head.fingerprint(), new TreeMap<>(head.files()), new TreeMap<>());
            for (String month : head.months()) {
                Part part = JSON.readValue(out.resolve(partPath(month)).toFile(), Part.class);
                m.files().putAll(part.files());
                m.days().putAll(part.days());
            }
            return m;
        } catch (IOException | RuntimeException e) {
            // a part that parses but lacks its maps is as damaged as one that does not parse
            return empty();
        }
    }

    /** Writes the months' parts, removes those of months gone, and writes the head last. */
    void save(OutputWriter out) throws IOException {
        Map<String, Part> parts = new TreeMap<>();
        Function<String, Part> newPart = m -> new Part(new TreeMap<>(), new TreeMap<>());
        Map<String, FileState> onNoDay = new TreeMap<>();
        files.forEach((name, state) -> {
            if (state.windows().isEmpty()) {
                onNoDay.put(name, state);
            } else {
                parts.computeIfAbsent(month(state.windows().get(0)), newPart).files().put(name, state);
            }
        });
        days.forEach((date, state) -> parts.computeIfAbsent(month(date), newPart).days().put(date, state));
        parts.forEach((month, p) -> out.write(partPath(month), stream -> JSON.writeValue(stream, p)));
        // parts of months gone, and any a killed build left
        StaleFiles.removeUnder(out, PARTS_DIR,
                parts.keySet().stream().map(Manifest::partPath).collect(Collectors.toSet()));
        Head head = new Head(version, fingerprint, onNoDay, List.copyOf(parts.keySet()));
        out.write(PATH, stream -> JSON.writerWithDefaultPrettyPrinter().writeValue(stream, head));
    }

    private static String partPath(String month) {
        return PARTS + month + ".json";
    }

    /** The month of an ISO date. */
    private static String month(String date) {
        return date.substring(0, 7);
    }
}
