package telegraph.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a build keeps in the output folder while it writes. Found at the start of a build, it
 * means the last one was killed or failed (a full disk): the site may hold pages newer than the
 * manifest and temporary files, so the build sweeps those and rebuilds in full.
 */
public final class BuildMarker {

    static final String PATH = ".telegraph/building";

    private final Path file;

    public BuildMarker(Path out) {
        this.file = out.resolve(PATH);
    }

    /** A build stopped here before it finished. */
    public boolean left() {
        return Files.exists(file);
    }

    public void set() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "a build is running or was killed; the next build repairs the site\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
        }
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
