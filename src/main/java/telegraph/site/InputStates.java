package telegraph.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import telegraph.model.Problem;
import telegraph.model.SourceLine;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;

/**
 * The state of every input file: size, time, content hash and the window days it has items for.
 * Files unchanged since the last build (same size and time) are not read at all; others are
 * read once, hashed and their heading sniffed.
 */
final class InputStates {

    private static final int HEAD_BYTES = 4096;

    private InputStates() {
    }

    /** Reading and hashing changed files is spread over all cores: a full build reads every file here. */
    static Map<String, Manifest.FileState> of(List<InputFile> files, Map<String, Manifest.FileState> previous) {
        ThreadLocal<DayFileReader> readers = ThreadLocal.withInitial(DayFileReader::new);
        return files.parallelStream().collect(Collectors.toMap(InputFile::name,
                f -> state(readers.get(), f, previous.get(f.name())), (a, b) -> a, TreeMap::new));
    }

    private static Manifest.FileState state(DayFileReader reader, InputFile file, Manifest.FileState old) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file.path(), BasicFileAttributes.class);
        } catch (IOException e) {
            return unreadable(file, e);
        }
        String modified = attrs.lastModifiedTime().toString();
        if (old != null && old.size() == attrs.size() && old.modified().equals(modified)) {
            return old;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return unreadable(file, e);
        }
        // A day file's window is its heading's date; a calendar-day file's windows are known only
        // from its items' times, so it is read in full.
        DayFile head = reader.read(file.name(), head(bytes));
        DayFile whole = head.layout().calendarDay() || head.date() == null ? reader.read(file.name(), bytes) : head;
        List<String> windows = whole.windows().stream().map(LocalDate::toString).toList();
        return new Manifest.FileState(bytes.length, modified, Fingerprint.sha256(bytes), windows,
                windows.isEmpty() ? whole.problems() : List.of());
    }

    /** The first lines of a file: enough for its heading, cheap to parse. */
    private static byte[] head(byte[] bytes) {
        if (bytes.length <= HEAD_BYTES) {
            return bytes;
        }
        int cut = HEAD_BYTES;
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        return Arrays.copyOf(bytes, cut);
    }

    private static Manifest.FileState unreadable(InputFile file, IOException e) {
        Problem problem = new Problem(new SourceLine(file.name(), 0), "cannot read: " + IoMessages.reason(e), "");
        return new Manifest.FileState(-1, "", "", List.of(), List.of(problem));
    }
}
