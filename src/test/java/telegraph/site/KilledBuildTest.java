package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.ChildJvm;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.cli.Main;

/**
 * A real kill: the build runs in its own JVM and gets SIGKILL while it is writing pages; the
 * next build must leave a site equal, file for file, to a clean full build.
 */
@Tag("integration")
class KilledBuildTest {

    @TempDir
    Path dir;

    @Test
    void aBuildKilledWhileWritingIsRepairedByTheNextBuild() throws Exception {
        Path content = dir.resolve("content");
        TestCorpus.copyNewspaper("CLS_2026-01-1", content);
        Path site = dir.resolve("site");
        Process build = ChildJvm.start(dir.resolve("killed.log"), "build", "--content", content.toString(),
                "--out", site.toString(), "--templates", dir.resolve("none").toString(), "-q");
        long until = System.currentTimeMillis() + 60_000;
        while (dayPages(site) < 2 && build.isAlive() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(build.isAlive(), "the build was still running when killed");
        build.destroyForcibly().waitFor();
        assertTrue(Files.exists(site.resolve(".telegraph/building")), "killed before it finished");
        assertTrue(!Files.exists(site.resolve(".telegraph/manifest.json")), "no manifest of a build that did not finish");

        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", site.toString(),
                "--templates", dir.resolve("none").toString(), "-q"));
        Path fresh = dir.resolve("fresh");
        assertEquals(0, Main.run("build", "--full", "--content", content.toString(), "--out", fresh.toString(),
                "--templates", dir.resolve("none").toString(), "-q"));

        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), "after the kill");
    }

    private static long dayPages(Path site) throws IOException {
        Path month = site.resolve("2026/01");
        if (!Files.isDirectory(month)) {
            return 0;
        }
        try (Stream<Path> pages = Files.list(month)) {
            return pages.filter(p -> p.getFileName().toString().matches("2026-01-\\d\\d\\.html")).count();
        }
    }
}
