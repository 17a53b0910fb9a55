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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads every file under a folder, on disk or inside the jar, keyed by relative path. */
final class ResourceTree {

    private ResourceTree() {
    }

    /** Files under a classpath folder such as {@code /templates}; empty when there is none. */
    static SortedMap<String, byte[]> classpath(String folder) throws IOException {
        URL url = ResourceTree.class.getResource(folder);
        if (url == null) {
            return new TreeMap<>();
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URI " + url, e);
        }
        if ("jar".equals(uri.getScheme())) {
            return directory(jarFileSystem(uri).getPath(folder));
        }
        return directory(Path.of(uri));
    }

    /** Files under a folder on disk; empty when it does not exist. */
    static SortedMap<String, byte[]> directory(Path folder) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return files;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : paths) {
            String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            files.put(relative, Files.readAllBytes(file));
        }
        return files;
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
