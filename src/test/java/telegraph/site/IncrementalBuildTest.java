package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.export.ExportFiles;
import telegraph.render.SiteInfo;

/** An incremental build must write exactly what a full build of the same inputs writes. */
@Tag("integration")
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private BuildReport build(Path content, Path templates, Path out, boolean full, SiteBuilder.Progress progress)
            throws Exception {
        return new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(List.of(content), out, templates,
                new SiteInfo("t", ""), 2, full), progress);
    }

    private BuildReport build(Path content, Path templates, Path out, boolean full) throws Exception {
        return build(content, templates, out, full, (done, total) -> { });
    }

    private void copy(Path content, String name) throws IOException {
        Files.copy(TestCorpus.newspaperFile(name), content.resolve(name));
    }

    /** The incremental site equals a fresh full build, file for file and byte for byte. */
    private void assertSameAsFullBuild(Path content, Path templates, Path incremental, String step) throws Exception {
        Path fresh = dir.resolve("full-" + step);
        build(content, templates, fresh, true);
        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(incremental), step);
    }

    @Test
    void sequenceOfEditsStaysByteIdenticalToFullBuilds() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path templates = dir.resolve("templates");
        Path site = dir.resolve("site");
        for (String day : List.of("2026-01-05", "2026-01-06")) {
            copy(content, "CLS_" + day + "_General.md");
            copy(content, "CLS_" + day + "_Major.md");
        }
        copy(content, "CLS_2026-01-07_Major.md");
        byte[] general7 = Files.readAllBytes(TestCorpus.newspaperFile("CLS_2026-01-07_General.md"));
        Files.write(content.resolve("CLS_2026-01-07_General.md"), Arrays.copyOf(general7, cutAtLine(general7, 0.4)));

        BuildReport first = build(content, templates, site, false);
        assertEquals(3, first.rebuiltDays());
        assertSameAsFullBuild(content, templates, site, "first");

        assertEquals(0, build(content, templates, site, false).rebuiltDays(), "nothing changed");
        assertEquals(0, build(content, templates, site, false).pages(), "nothing rewritten");

        Files.write(content.resolve("CLS_2026-01-07_General.md"), general7);
        assertEquals(1, build(content, templates, site, false).rebuiltDays(), "the growing day only");
        assertSameAsFullBuild(content, templates, site, "grown");

        copy(content, "CLS_2026-01-08_General.md");
        assertEquals(2, build(content, templates, site, false).rebuiltDays(), "new day and its previous day's next link");
        assertSameAsFullBuild(content, templates, site, "new-day");

        Files.delete(content.resolve("CLS_2026-01-06_Major.md"));
        Files.delete(content.resolve("CLS_2026-01-05_General.md"));
        Files.delete(content.resolve("CLS_2026-01-05_Major.md"));
        assertEquals(1, build(content, templates, site, false).rebuiltDays(), "2026-01-06 lost a file and its prev day");
        assertFalse(Files.exists(site.resolve("2026/01/2026-01-05.html")));
        assertFalse(ExportFiles.days(site).stream().anyMatch(d -> d.get("date").asText().equals("2026-01-05")),
                "a removed day leaves the export");
        assertSameAsFullBuild(content, templates, site, "removed");

        Files.createDirectories(templates);
        String day = new String(TelegraphResources.template("day.ftlh"), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("day.ftlh"), day.replace("<h1>", "<h1 class=\"edited\">"));
        assertEquals(3, build(content, templates, site, false).rebuiltDays(), "a template change rebuilds all days");
        assertTrue(Files.readString(site.resolve("2026/01/2026-01-07.html")).contains("class=\"edited\""));
        assertSameAsFullBuild(content, templates, site, "template");
    }

    @Test
    void aBuildKilledMidwayIsRepairedByTheNextBuild() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        for (String day : List.of("2026-01-05", "2026-01-06", "2026-01-07")) {
            copy(content, "CLS_" + day + "_General.md");
        }
        Path site = dir.resolve("site");
        build(content, null, site, false);
        for (String day : List.of("2026-01-05", "2026-01-06", "2026-01-07")) {
            copy(content, "CLS_" + day + "_Major.md");
        }
        RuntimeException kill = new RuntimeException("killed");
        assertThrows(RuntimeException.class, () -> build(content, null, site, false, (done, total) -> {
            if (done == 2) {
                throw kill;
            }
        }));
        // What a kill during a write leaves behind: a temporary file beside its page.
        Files.writeString(site.resolve("2026/01/.~2026-01-06.html.tmp-12"), "half a page");
        assertTrue(Files.exists(site.resolve(".telegraph/building")));

        build(content, null, site, false);
        assertFalse(Files.exists(site.resolve("2026/01/.~2026-01-06.html.tmp-12")));
        assertFalse(Files.exists(site.resolve(".telegraph/building")));
        assertSameAsFullBuild(content, null, site, "after-kill");
    }

    private static int cutAtLine(byte[] bytes, double fraction) {
        int cut = (int) (bytes.length * fraction);
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        return cut;
    }
}
