package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.TestCorpus;
import telegraph.render.SiteInfo;
import telegraph.site.BuildReport;
import telegraph.site.SiteBuilder;

/** Topic pages and feeds of an incremental build equal those of a full build, byte for byte. */
class TopicIncrementalTest {

    @TempDir
    Path dir;

    private BuildReport build(Path content, Path out, boolean full) throws Exception {
        return new SiteBuilder(List.of(new TopicOutput(List.of(content)))).build(new SiteBuilder.Options(
                List.of(content), out, null, new SiteInfo("t", ""), 2, full), (d, t) -> { });
    }

    private void assertSameAsFullBuild(Path content, Path site, String step) throws Exception {
        Path fresh = dir.resolve("full-" + step);
        build(content, fresh, true);
        Map<String, byte[]> expected = topicFiles(fresh);
        Map<String, byte[]> actual = topicFiles(site);
        assertEquals(expected.keySet(), actual.keySet(), step + ": same files");
        for (String name : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(name), actual.get(name)), step + ": " + name + " differs");
        }
    }

    /** Topic pages, their month summaries, feeds and the day pages (which carry the topic chips). */
    private static Map<String, byte[]> topicFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString();
                if (name.startsWith("topics/") || name.endsWith("feed.xml") || name.matches("\\d{4}/.*")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static void copy(Path content, String name) throws IOException {
        Files.copy(TestCorpus.newspaperFile(name), content.resolve(name));
    }

    @Test
    void editsAndThemeChangesStayByteIdenticalToFullBuilds() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("topics.yml"),
                "themes:\n  - {name: 英伟达, slug: nvidia, keywords: [英伟达, NVIDIA, 黄仁勋]}\n");
        copy(content, "CLS_2025-12-30_General.md");
        copy(content, "CLS_2026-01-05_General.md");
        byte[] grown = Files.readAllBytes(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"));
        Files.write(content.resolve("CLS_2026-01-06_General.md"), Arrays.copyOf(grown, cutAtLine(grown)));
        Path site = dir.resolve("site");
        build(content, site, false);
        assertSameAsFullBuild(content, site, "first");

        Files.write(content.resolve("CLS_2026-01-06_General.md"), grown);
        assertEquals(1, build(content, site, false).rebuiltDays(), "only the grown day");
        assertSameAsFullBuild(content, site, "grown");

        Files.delete(content.resolve("CLS_2025-12-30_General.md"));
        build(content, site, false);
        assertFalse(Files.exists(site.resolve("topics/.months/2025-12.json")), "a removed month's summary goes");
        assertSameAsFullBuild(content, site, "month-removed");

        Files.writeString(content.resolve("topics.yml"),
                "themes:\n  - {name: 美联储, slug: fed, keywords: [美联储, 鲍威尔]}\n");
        assertEquals(2, build(content, site, false).rebuiltDays(), "a theme change rebuilds every day");
        assertFalse(Files.exists(site.resolve("topics/theme/nvidia")), "a removed theme's pages go");
        assertTrue(Files.exists(site.resolve("topics/theme/fed/index.html")));
        assertSameAsFullBuild(content, site, "themes-changed");
    }

    @Test
    void hostileThemesBuildOnlyInsideTheOutputFolder() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        copy(content, "CLS_2026-01-06_General.md");
        Files.writeString(content.resolve("topics.yml"), "themes:\n"
                + "  - {name: '../../../escape', slug: '../../../escape', keywords: [财联社]}\n"
                + "  - {name: '<script>alert(1)</script>', slug: '/etc/passwd', keywords: [央视]}\n"
                + "  - {name: 'a:b c🚀', keywords: [美国]}\n");
        Path site = dir.resolve("out/site");
        build(content, site, true);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> outside = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(site) && !p.startsWith(content)).toList();
            assertEquals(List.of(), outside);
        }
        try (Stream<Path> themes = Files.list(site.resolve("topics/theme"))) {
            assertEquals(3, themes.filter(p -> Files.isRegularFile(p.resolve("index.html"))).count());
        }
        String directory = Files.readString(site.resolve("topics/index.html"));
        assertFalse(directory.contains("<script>alert"), "names are escaped");
        assertTrue(directory.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    private static int cutAtLine(byte[] bytes) {
        int cut = bytes.length / 2;
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        return cut;
    }
}
