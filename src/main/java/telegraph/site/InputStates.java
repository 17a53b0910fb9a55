package telegraph.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import telegraph.output.IoMessages;
import telegraph.model.Problem;
import telegraph.model.SourceLine;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;
import telegraph.parse.Layout;

/**
 * The state of every input file: size, time, content hash and the window days it has items for.
 * Files unchanged since the last build (same size and time) are not read at all. Of a changed day
 * file only the head is read here, for the date in its heading: the whole file is read once, when
 * its day is parsed, and hashed from the bytes parsed ({@link InputReads}). A file of a
 * calendar-day layout (or with no date in its head) is read whole here, since its window days are
 * known only from its items' times. A file whose time changed but not its size is hashed, so that
 * a fresh checkout of unchanged files rebuilds nothing.
 */
final class InputStates {

    private static final int HEAD_BYTES = 4096;
    /** The hash of a file not read whole yet: never a real hash, so its days are built. */
    static final String UNREAD = "unread";

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
            if (old != null && old.size() == attrs.size()) {
                // A fresh checkout (a CI runner's) gives every file a new time: same bytes, same days.
                bytes = Files.readAllBytes(file.path());
                if (Fingerprint.sha256(bytes).equals(old.sha256())) {
                    return new Manifest.FileState(old.size(), modified, old.sha256(), old.windows(), old.problems(),
                            old.skipped());
                }
            }
            DayFile head = reader.read(file.name(), head(file.path()));
            if (!head.layout().calendarDay() && head.date() != null) {
                return new Manifest.FileState(attrs.size(), modified, UNREAD, List.of(head.date().toString()), List.of(),
                        false);
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return unreadable(file, e);
        }
        DayFile whole = reader.read(file.name(), bytes);
        List<String> windows = whole.windows().stream().map(LocalDate::toString).toList();
        return new Manifest.FileState(bytes.length, modified, Fingerprint.sha256(bytes), windows,
                windows.isEmpty() ? whole.problems() : List.of(), whole.layout() == Layout.NONE);
    }

    /** The first lines of a file: enough for its heading, cheap to read and parse. */
    private static byte[] head(Path path) throws IOException {
        byte[] bytes = new byte[HEAD_BYTES];
        int length = 0;
        try (InputStream in = Files.newInputStream(path)) {
            length = in.readNBytes(bytes, 0, HEAD_BYTES);
        }
        int cut = length;
        if (length == HEAD_BYTES) {
            while (cut > 0 && bytes[cut - 1] != '\n') {
                cut--;
            }
        }
        return Arrays.copyOf(bytes, cut);
    }

    private static Manifest.FileState unreadable(InputFile file, IOException e) {
        Problem problem = new Problem(new SourceLine(file.name(), 0), "cannot read: " + IoMessages.reason(e), "");
        return new Manifest.FileState(-1, "", "", List.of(), List.of(problem), false);
    }
}
