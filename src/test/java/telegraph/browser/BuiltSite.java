package telegraph.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import telegraph.SiteTrees;
import telegraph.StaticServer;
import telegraph.TestCorpus;
import telegraph.cli.Main;

/**
 * The site built once per test JVM by the command line from all 50 real files (into
 * target/browser-it/site), and a plain static server for it ({@link StaticServer}).
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
                SiteTrees.delete(SITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int code = Main.run("build", "--content", TestCorpus.newspaper().toString(), "--out", SITE.toString(), "-q");
            // 0: built, the corpus's SOURCE.md skipped as not a day file
            if (code != 0 || !Files.isRegularFile(SITE.resolve("index.html"))) {
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
                server = StaticServer.start(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return StaticServer.base(server);
    }
}
