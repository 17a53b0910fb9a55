package telegraph.site;

import java.io.IOException;
import java.io.InputStream;

/** The default templates the jar carries, for tests that start from them. */
final class TelegraphResources {

    private TelegraphResources() {
    }

    static byte[] template(String name) throws IOException {
        try (InputStream in = TelegraphResources.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new IOException("no default template " + name);
            }
            return in.readAllBytes();
        }
    }
}
