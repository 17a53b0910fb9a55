package telegraph.site;

import telegraph.output.OutputWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

/**
 * Copies static assets (CSS, JS, vendored libraries) into the output: the user's
 * {@code templates/assets} when it exists, otherwise the defaults inside the jar, plus the
 * libraries the build fetched (elasticlunr.js), which always come from the jar.
 */
public final class AssetCopier {

    private AssetCopier() {
    }

    public static void copy(Path userTemplates, OutputWriter out) throws IOException {
        Path userAssets = userTemplates == null ? null : userTemplates.resolve("assets");
        SortedMap<String, byte[]> assets = userAssets != null && Files.isDirectory(userAssets)
                ? ResourceTree.directory(userAssets)
                : ResourceTree.classpath("/templates/assets");
        SortedMap<String, byte[]> vendor = ResourceTree.classpath("/assets/vendor");
        if (vendor.isEmpty()) {
            throw new IOException("the jar has no /assets/vendor (elasticlunr.js): rebuild it with mvn package");
        }
        write("assets/", assets, out);
        write("assets/vendor/", vendor, out);
    }

    private static void write(String prefix, Map<String, byte[]> files, OutputWriter out) {
        files.forEach((name, bytes) -> out.writeBytes(prefix + name, bytes));
    }
}
