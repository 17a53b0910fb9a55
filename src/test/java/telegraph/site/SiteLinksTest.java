package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.TestCorpus;
import telegraph.cli.Main;

/**
 * Walks every page of the site built from the 50 real files (with every output the command line
 * builds): one h1, lang, no broken internal link or anchor, nothing loaded from the network.
 */
@Tag("integration")
class SiteLinksTest {

    @TempDir
    static Path site;
    static List<Path> pages;
    static final Map<Path, Set<String>> ids = new HashMap<>();

    @BeforeAll
    static void build() throws IOException {
        int code = Main.run("build", "--content", TestCorpus.newspaper().toString(), "--out", site.toString(), "-q",
                "--templates", site.resolve("no-templates").toString());
        assertEquals(1, code, "built, with SOURCE.md reported as not a day file");
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
        List<String> broken = new ArrayList<>();
        long checked = 0;
        for (Path page : pages) {
            Document doc = parse(page);
            for (Element el : doc.select("a[href], link[href], script[src], img[src], form[action]")) {
                String url = el.hasAttr("href") ? el.attr("href") : el.hasAttr("src") ? el.attr("src") : el.attr("action");
                if (url.startsWith("data:")) {
                    continue; // inline, nothing is fetched
                }
                if (url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                    broken.add(site.relativize(page) + ": external " + url);
                    continue;
                }
                checked++;
                String problem = check(page, url);
                if (problem != null) {
                    broken.add(site.relativize(page) + ": " + url + " " + problem);
                }
            }
        }
        assertEquals(List.of(), broken.stream().limit(10).toList(), broken.size() + " broken of " + checked);
        assertTrue(checked > 10_000, "links checked: " + checked);
    }

    private static String check(Path page, String url) throws IOException {
        String path = url;
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path target = path.isEmpty() ? page
                : path.startsWith("/") ? site.resolve(path.substring(1)) : page.getParent().resolve(path).normalize();
        if (!target.startsWith(site)) {
            return "leaves the site";
        }
        if (Files.isDirectory(target)) {
            return "is a folder (breaks file:// browsing)";
        }
        if (!Files.isRegularFile(target)) {
            return "missing";
        }
        if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")
                && !idsOf(target).contains(fragment)) {
            return "no such anchor";
        }
        return null;
    }

    private static Set<String> idsOf(Path page) throws IOException {
        Set<String> known = ids.get(page);
        if (known == null) {
            known = new HashSet<>(parse(page).select("[id]").eachAttr("id"));
            ids.put(page, known);
        }
        return known;
    }

    private static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }
}
