package telegraph.site;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        if (userAssets != null && Files.isDirectory(userAssets)) {
            copyTree(userAssets, "assets", out);
        } else {
            copyClasspath("/templates/assets", "assets", out);
        }
        copyClasspath("/assets/vendor", "assets/vendor", out);
    }

    private static void copyClasspath(String resource, String target, OutputWriter out) throws IOException {
        URL url = AssetCopier.class.getResource(resource);
        if (url == null) {
            throw new IOException("the jar has no " + resource + ": rebuild it with mvn package");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URI " + url, e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar = jarFileSystem(uri);
            copyTree(jar.getPath(resource), target, out);
        } else {
            copyTree(Path.of(uri), target, out);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    private static void copyTree(Path from, String target, OutputWriter out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = from.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            out.writeBytes(target + "/" + relative, Files.readAllBytes(file));
        }
    }
}
