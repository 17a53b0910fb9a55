package telegraph.preview;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-Sent Events to open pages: after each rebuild every connected page is told to reload.
 * The script that listens is added to HTML responses by the preview server only; built pages
 * never contain it.
 */
final class LiveReload {

    static final String EVENTS_PATH = "/__telegraph/events";
    static final String SCRIPT = "<script>new EventSource('" + EVENTS_PATH
            + "').addEventListener('reload', function () { location.reload(); });</script>";

    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();

    /** Keeps the exchange open as an event stream; returns at once, the stream stays registered. */
    void connect(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        clients.add(body);
    }

    /** Tells every open page to reload; pages that have gone away are dropped. */
    void reload() {
        byte[] event = "event: reload\ndata: reload\n\n".getBytes(StandardCharsets.UTF_8);
        for (OutputStream client : clients) {
            try {
                client.write(event);
                client.flush();
            } catch (IOException gone) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    void close() {
        clients.forEach(LiveReload::closeQuietly);
        clients.clear();
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the page is gone either way
        }
    }
}
