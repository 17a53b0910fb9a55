package telegraph.site;

import java.io.IOException;
import java.nio.file.Files;
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
 * Reads input files to parse them. The bytes parsed are the bytes hashed, so that the manifest
 * records what each day page shows even when a file is rewritten while the build runs (the open
 * day's file is, every few minutes). A file whose bytes differ from what the build planned with
 * is marked stale in the manifest, so the next build reads it again and shows it whole.
 */
final class InputReads {

    /** A parsed file and the SHA-256 of the bytes parsed ("" when it could not be read). */
    record Read(DayFile file, String sha256) {
    }

    /** Never a file's real time: the next build sees a change and reads the file again. */
    private static final String STALE = "changed while read";

    private final Map<String, Manifest.FileState> planned;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    InputReads(Map<String, Manifest.FileState> planned) {
        this.planned = planned;
    }

    Map<String, Manifest.FileState> planned() {
        return planned;
    }

    /** Called from worker threads, each with its own reader. */
    Read read(DayFileReader reader, InputFile file) {
        Read read;
        try {
            byte[] bytes = Files.readAllBytes(file.path());
            read = new Read(reader.read(file.name(), bytes), Fingerprint.sha256(bytes));
        } catch (IOException e) {
            Problem problem = new Problem(new SourceLine(file.name(), 0), "cannot read: " + IoMessages.reason(e), "");
            read = new Read(new DayFile(file.name(), Layout.NEWSPAPER, "", Channel.GENERAL, null, List.of(),
                    List.of(problem)), "");
        }
        if (!read.sha256().equals(planned.get(file.name()).sha256())) {
            changed.add(file.name());
        }
        return read;
    }

    /** The input files' states to save, those rewritten during the build marked stale. */
    Map<String, Manifest.FileState> forManifest() {
        Map<String, Manifest.FileState> states = new TreeMap<>(planned);
        for (String name : changed) {
            Manifest.FileState s = states.get(name);
            states.put(name, new Manifest.FileState(s.size(), STALE, s.sha256(), s.windows(), s.problems()));
        }
        return states;
    }
}
