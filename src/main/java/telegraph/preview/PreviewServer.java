package telegraph.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local preview of the site folder over HTTP (JDK {@code com.sun.net.httpserver}): correct
 * content types with UTF-8, {@code index.html} for folders, nothing outside the site folder,
 * and live reload of open pages after a rebuild.
 */
public final class PreviewServer implements Closeable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preview-http");
        t.setDaemon(true);
        return t;
    });
    private final LiveReload live = new LiveReload();

    /** Starts serving {@code root} on {@code host:port} (port 0 picks a free port). */
    public PreviewServer(Path root, String host, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Tells open pages to reload (after a rebuild). */
    public void reloadPages() {
        live.reload();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            URI uri = exchange.getRequestURI();
            if (LiveReload.EVENTS_PATH.equals(uri.getPath())) {
                live.connect(exchange);
                return;
            }
            Path file = resolve(uri.getPath());
            if (file == null) {
                send(exchange, 403, "text/plain; charset=utf-8", "outside the site folder\n");
                return;
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? withLiveReload(Files.readAllBytes(notFound))
                        : "not found\n".getBytes(StandardCharsets.UTF_8);
                sendBytes(exchange, 404, Files.isRegularFile(notFound) ? TYPES.get("html") : TYPES.get("txt"), body);
                return;
            }
            String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            sendBytes(exchange, 200, type, type.startsWith("text/html") ? withLiveReload(body) : body);
        } catch (IOException e) {
            exchange.close();
        }
    }

    /** The file a request path names, or null when it would leave the site folder. */
    Path resolve(String requestPath) {
        String relative = requestPath == null ? "" : requestPath.replaceFirst("^/+", "");
        if (relative.indexOf('\0') >= 0) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) ? file : null;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] withLiveReload(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        String injected = end < 0 ? page + LiveReload.SCRIPT
                : page.substring(0, end) + LiveReload.SCRIPT + page.substring(end);
        return injected.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        sendBytes(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
