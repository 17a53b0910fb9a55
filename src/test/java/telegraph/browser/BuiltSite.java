package telegraph.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import telegraph.TestCorpus;
import telegraph.cli.Main;

/**
 * The site built once per test JVM by the command line from all 50 real files (into
 * target/browser-it/site), and a plain JDK HTTP server for it on 127.0.0.1 (never a directory
 * listing, never an index fallback: a link must name its file).
 */
final class BuiltSite {

    static final Path SITE = Path.of("target", "browser-it", "site").toAbsolutePath();

    private static boolean built;
    private static HttpServer server;

    private BuiltSite() {
    }

    /** Builds the site if this JVM has not yet; returns its folder. */
    static synchronized Path site() {
        if (!built) {
            try {
                deleteTree(SITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int code = Main.run("build", "--content", TestCorpus.newspaper().toString(), "--out", SITE.toString(), "-q");
            // 1: built, with the corpus's SOURCE.md reported as not a day file
            if (code != 1 || !Files.isRegularFile(SITE.resolve("index.html"))) {
                throw new IllegalStateException("build of the real corpus returned " + code);
            }
            built = true;
        }
        return SITE;
    }

    /** {@code file:///…/site/} */
    static String fileBase() {
        return site().toUri().toString();
    }

    /** {@code http://127.0.0.1:PORT/}, the server started on first use and stopped with the JVM. */
    static synchronized String httpBase() {
        Path root = site();
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.getResponseHeaders().set("Content-Type", type(file.getFileName().toString()));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "xml" -> "application/xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            default -> "text/plain; charset=utf-8";
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
