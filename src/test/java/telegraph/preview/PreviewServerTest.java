package telegraph.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.TestCorpus;
import telegraph.render.SiteInfo;
import telegraph.search.SearchIndexOutput;
import telegraph.site.SiteBuilder;

@Tag("integration")
class PreviewServerTest {

    @TempDir
    static Path dir;
    static Path site;
    static PreviewServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.copy(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"), content.resolve("CLS_2026-01-06_General.md"));
        Files.writeString(dir.resolve("secret.txt"), "do not serve");
        site = dir.resolve("site");
        new SiteBuilder(List.of(new DataExport(), new SearchIndexOutput())).build(new SiteBuilder.Options(List.of(content), site, null,
                new SiteInfo("t", ""), 2, true), (d, t) -> { });
        server = new PreviewServer(site, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesADayPageAsUtf8HtmlWithLiveReload() throws Exception {
        HttpResponse<byte[]> page = get("/2026/01/2026-01-06.html");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("2026年1月6日"));
        assertTrue(html.contains(LiveReload.EVENTS_PATH), "live reload script injected");
        assertFalse(Files.readString(site.resolve("2026/01/2026-01-06.html")).contains(LiveReload.EVENTS_PATH),
                "built pages stay clean");
        assertEquals(200, get("/").statusCode(), "folder serves its index.html");
    }

    @Test
    void servesASearchShard() throws Exception {
        Path shard;
        try (Stream<Path> walk = Files.walk(site.resolve("search"))) {
            shard = walk.filter(p -> p.toString().matches(".*\\.(json|js)$")).sorted().findFirst().orElseThrow();
        }
        HttpResponse<byte[]> response = get("/" + site.relativize(shard).toString().replace('\\', '/'));
        assertEquals(200, response.statusCode());
        assertEquals(shard.toString().endsWith(".js") ? "text/javascript; charset=utf-8" : "application/json; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Files.size(shard), response.body().length);
        HttpResponse<byte[]> css = get("/assets/style.css");
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void refusesPathsOutsideTheSiteFolder() throws Exception {
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/2026/../../secret.txt", "/..%2fsecret.txt")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertFalse(response.contains("do not serve"), path + " leaked: " + response);
            assertNotEquals("200", response.substring(9, 12), path);
        }
        assertEquals(404, get("/nope.html").statusCode());
    }

    @Test
    void openPagesAreToldToReload() throws Exception {
        HttpRequest events = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + LiveReload.EVENTS_PATH)).build();
        HttpResponse<Stream<String>> stream = http.send(events, HttpResponse.BodyHandlers.ofLines());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
        java.util.Iterator<String> lines = stream.body().iterator();
        assertEquals(": connected", lines.next());
        server.reloadPages();
        boolean reloaded = false;
        while (!reloaded && lines.hasNext()) {
            reloaded = lines.next().equals("event: reload");
        }
        assertTrue(reloaded);
        stream.body().close();
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
