package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.TestCorpus;
import telegraph.cli.Main;

/**
 * Walks every page of the site built from the 50 real files (with every output the command line
 * builds): one h1, lang, no broken internal link or anchor, nothing loaded from the network; and
 * weighs the whole site against its markdown.
 */
@Tag("integration")
class SiteLinksTest {

    @TempDir
    static Path site;
    static List<Path> pages;

    @BeforeAll
    static void build() throws IOException {
        int code = Main.run("build", "--content", TestCorpus.newspaper().toString(), "--out", site.toString(), "-q",
                "--templates", site.resolve("no-templates").toString());
        assertEquals(0, code, "built, SOURCE.md skipped as not a day file");
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyPageHasLangAndOneH1() throws IOException {
        assertTrue(pages.size() > 30, "pages: " + pages.size());
        for (Path page : pages) {
            Document doc = parse(page);
            assertEquals("zh-CN", doc.selectFirst("html").attr("lang"), page.toString());
            assertEquals(1, doc.select("h1").size(), page + " has one h1");
            assertEquals(1, doc.select("main").size(), page + " has one main landmark");
        }
    }

    @Test
    void monthPagesListTheMonthsTopTopics() throws IOException {
        Document month = parse(site.resolve("2026/01/index.html"));
        List<String> topics = month.select(".month-topics a").eachAttr("href");
        assertEquals(16, topics.size(), "January 2026 has many topics");
        assertTrue(topics.stream().allMatch(h -> h.matches("\\.\\./\\.\\./topics/[a-z]+/[^./]+\\.html")), topics.toString());
    }

    @Test
    void noInternalLinkIsBrokenAndNothingComesFromTheNetwork() throws IOException {
        PageLinks.Report links = PageLinks.check(site);
        assertEquals(List.of(), links.broken().stream().limit(10).toList(),
                links.broken().size() + " broken of " + links.checked());
        assertTrue(links.checked() > 10_000, "links checked: " + links.checked());
    }

    /**
     * The lean-site budget on real days. The goal is 3× the markdown; what it costs today (about
     * 3.7×: day pages 1.4×, search index 0.8×, export and search text 0.6×, topics and feeds 0.8×) is held
     * here so that no change makes the site fat again unnoticed. The build's own state is weighed
     * apart: it is never published, but a copy of the output folder carries it.
     */
    @Test
    void theSiteStaysLeanAgainstItsMarkdown() throws IOException {
        long markdown = bytesUnder(TestCorpus.newspaper(), p -> true);
        long published = bytesUnder(site, p -> !site.relativize(p).startsWith(".telegraph"));
        long state = bytesUnder(site.resolve(".telegraph"), p -> true);
        assertTrue(published <= markdown * 37 / 10, "published " + published + " bytes for " + markdown + " of markdown");
        assertTrue(state <= markdown * 6 / 10, "build state " + state + " bytes for " + markdown + " of markdown");
        try (Stream<Path> walk = Files.walk(site)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertTrue(files.size() < 2_500, "files: " + files.size());
            for (Path file : files) {
                assertTrue(Files.size(file) <= 25L << 20, file + " is over 25 MiB");
            }
        }
    }

    private static long bytesUnder(Path root, java.util.function.Predicate<Path> counted) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            long sum = 0;
            for (Path file : walk.filter(Files::isRegularFile).filter(counted).toList()) {
                sum += Files.size(file);
            }
            return sum;
        }
    }

    private static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }
}
