package telegraph.site;

import telegraph.output.IoMessages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import telegraph.model.Channel;
import telegraph.model.Problem;
import telegraph.model.SourceLine;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;
import telegraph.parse.Layout;

/**
 * Reads input files to parse them, each whole into memory once. The bytes parsed are the bytes
 * hashed, so that the manifest records what each day page shows even when a file is rewritten
 * while the build runs (the open day's file is, every few minutes). A file that differs from what
 * the build planned with (its hash, or for a file planned from its head only, its size and time
 * asked again after reading it) is marked stale in the manifest, so the next build reads it again
 * and shows it whole.
 */
final class InputReads {

    /** A parsed file and the SHA-256 of the bytes parsed ("" when it could not be read). */
    record Read(DayFile file, String sha256) {
    }

    /** Never a file's real time: the next build sees a change and reads the file again. */
    private static final String STALE = "changed while read";

    private final Map<String, Manifest.FileState> planned;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** The hash of the bytes parsed, by file name. */
    private final Map<String, String> parsed = new ConcurrentHashMap<>();

    InputReads(Map<String, Manifest.FileState> planned) {
        this.planned = planned;
    }

    Map<String, Manifest.FileState> planned() {
        return planned;
    }

    /** Called from worker threads, each with its own reader. */
    Read read(DayFileReader reader, InputFile file) {
        Manifest.FileState plan = planned.get(file.name());
        Read read;
        boolean asPlanned;
        try {
            byte[] bytes = Files.readAllBytes(file.path());
            read = new Read(reader.read(file.name(), bytes), Fingerprint.sha256(bytes));
            asPlanned = plan.sha256().equals(InputStates.UNREAD) ? unchangedSince(plan, file, bytes.length)
                    : read.sha256().equals(plan.sha256());
        } catch (IOException e) {
            Problem problem = new Problem(new SourceLine(file.name(), 0), "cannot read: " + IoMessages.reason(e), "");
            read = new Read(new DayFile(file.name(), Layout.NEWSPAPER, "", Channel.GENERAL, null, List.of(),
                    List.of(problem)), "");
            asPlanned = false;
        }
        if (!asPlanned) {
            changed.add(file.name());
        }
        parsed.put(file.name(), read.sha256());
        return read;
    }

    /** The file read has the size it was planned with, and still the same size and time. */
    private static boolean unchangedSince(Manifest.FileState plan, InputFile file, long length) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file.path(), BasicFileAttributes.class);
        return length == plan.size() && now.size() == length && now.lastModifiedTime().toString().equals(plan.modified());
    }

    /**
     * The input files' states to save, with the hashes of the bytes parsed; those rewritten during
     * the build (or never read whole) marked stale.
     */
    Map<String, Manifest.FileState> forManifest() {
        Map<String, Manifest.FileState> states = new TreeMap<>();
        planned.forEach((name, s) -> {
            String sha256 = s.sha256().equals(InputStates.UNREAD) ? parsed.getOrDefault(name, InputStates.UNREAD)
                    : s.sha256();
            boolean stale = changed.contains(name) || sha256.equals(InputStates.UNREAD);
            states.put(name, new Manifest.FileState(s.size(), stale ? STALE : s.modified(), sha256, s.windows(),
                    s.problems(), s.skipped()));
        });
        return states;
    }
}
