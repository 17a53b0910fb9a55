package telegraph.site;

import telegraph.output.OutputWriter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import telegraph.model.Problem;

/**
 * What the last build read and wrote, kept in the output folder so the next build can redo only
 * what changed. Written last: a build killed before that leaves the previous manifest, and the
 * next build redoes everything that differs from it.
 *
 * @param version     the manifest layout; another value means a full rebuild
 * @param fingerprint templates and options of the last build ({@link Fingerprint})
 * @param files       input files by report name
 * @param days        built days by ISO date
 */
public record Manifest(int version, String fingerprint, Map<String, FileState> files, Map<String, DayState> days) {

    static final int VERSION = 3;
    static final String PATH = ".telegraph/manifest.json";

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

    static Manifest empty() {
        return new Manifest(VERSION, "", new TreeMap<>(), new TreeMap<>());
    }

    /** The manifest in an output folder, or an empty one when it is missing or unreadable. */
    static Manifest load(Path out) {
        Path file = out.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            Manifest m = JSON.readValue(file.toFile(), Manifest.class);
            return m.version() == VERSION && m.files() != null && m.days() != null ? m : empty();
        } catch (IOException e) {
            return empty();
        }
    }

    void save(OutputWriter out) {
        out.write(PATH, stream -> JSON.writerWithDefaultPrettyPrinter().writeValue(stream, this));
    }
}
