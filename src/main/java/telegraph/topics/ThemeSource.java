package telegraph.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import telegraph.parse.ContentException;

/**
 * Where the build's themes come from: a file named with {@code --topics}, else the first content
 * folder's {@code topics.yml}, else the default file the jar carries, so that any archive folder
 * gets themes without setting anything up.
 *
 * @param label  what the build summary names: the file's path, or {@link #DEFAULT_LABEL}
 * @param themes the themes read from it
 * @param bytes  the file's bytes, part of the build's fingerprint
 */
public record ThemeSource(String label, List<Theme> themes, byte[] bytes) {

    /** The file name looked for in the first content folder. */
    public static final String FILE_NAME = "topics.yml";
    static final String DEFAULT_LABEL = "jar:default";
    private static final String DEFAULT_RESOURCE = "/telegraph/topics/topics.yml";

    public ThemeSource {
        themes = List.copyOf(themes);
        bytes = bytes.clone();
    }

    /**
     * @param explicit the file given with {@code --topics}, or null
     * @param content  the content folders, in the order given
     */
    public static ThemeSource resolve(Path explicit, List<Path> content) throws ContentException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ContentException(explicit + ": no such themes file (--topics)");
            }
            return of(explicit);
        }
        if (!content.isEmpty() && Files.isRegularFile(content.get(0).resolve(FILE_NAME))) {
            return of(content.get(0).resolve(FILE_NAME));
        }
        return jarDefault();
    }

    /** The themes the jar carries. */
    static ThemeSource jarDefault() throws ContentException {
        try (InputStream in = ThemeSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            return new ThemeSource(DEFAULT_LABEL, ThemeFile.read(DEFAULT_LABEL, bytes), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThemeSource of(Path file) throws ContentException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ContentException(file + ": cannot read: " + e.getMessage());
        }
        return new ThemeSource(file.toString(), ThemeFile.read(file.toString(), bytes), bytes);
    }

    /** The summary line's description, e.g. {@code jar:default (27 themes)}. */
    public String describe() {
        return label + " (" + themes.size() + (themes.size() == 1 ? " theme)" : " themes)");
    }
}
