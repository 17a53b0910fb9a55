package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import telegraph.StaticServer;

/**
 * Opens search.html with a few queries in Debian's headless Chromium over HTTP (where the page
 * fetches the index files) and from file:// (where it runs them as scripts), and expects the
 * first page and the count the brute force of {@link SearchRecallTest} finds, in both orders; and
 * the exact totals every query the index tells gets from the index alone.
 */
@Tag("integration")
class SearchPageBrowserTest {

    private static final String QUERY = "英伟达";
    /** Results per page (search.js). */
    private static final int PAGE = 20;

    @TempDir
    static Path profile;
    static HttpServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        SearchFixture.items();
        server = StaticServer.start(SearchFixture.SITE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1000,1400", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** A few queries of the shared list: a Chinese term checked whole, a prefix in best order, an exclusion, a day. */
    private static final List<SearchRecallTest.Query> QUERIES = List.of(
            new SearchRecallTest.Query("美国债", null, null, null, null, null),
            new SearchRecallTest.Query("HBM", null, null, null, null, null),
            new SearchRecallTest.Query("英伟达 -机器人", null, null, null, null, null),
            new SearchRecallTest.Query("公司", "2026-01-05", null, null, null, null));

    private static String url(String base, SearchRecallTest.Query q, boolean best) {
        return base + "?q=" + URLEncoder.encode(q.q(), StandardCharsets.UTF_8) + (best ? "&sort=best" : "")
                + (q.day() != null ? "&day=" + q.day() : "");
    }

    @Test
    void showsTheBruteForceResultsOverHttpAndFromFile() throws IOException {
        String http = StaticServer.base(server) + "search.html";
        String file = SearchFixture.SITE.toAbsolutePath().resolve("search.html").toUri().toString();
        for (SearchRecallTest.Query q : QUERIES) {
            Map<String, Object> expected = SearchRecallTest.expected(q);
            for (boolean best : new boolean[] {false, true}) {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) expected.get(best ? "best" : "new");
                List<String> overHttp = open(url(http, q, best));
                String httpStatus = finalStatus();
                List<String> fromFile = open(url(file, q, best));
                String fileStatus = finalStatus();
                assertEquals(ids.subList(0, Math.min(PAGE, ids.size())), overHttp, q + " over HTTP, best=" + best);
                assertEquals(overHttp, fromFile, q + " from file://, best=" + best);
                assertTrue(httpStatus.startsWith("共 " + expected.get("count") + " 条"), httpStatus);
                assertEquals(httpStatus, fileStatus);
                assertEquals(best ? "best" : "new", browser.findElement(By.id("search-sort")).getAttribute("value"));
                assertEquals(ids, allPages(), q + ": paging, best=" + best);
            }
        }
    }

    /**
     * What a fresh engine reads, in the page, for each query's exact total (Engine.counts): from
     * the index alone where search-exact.js can tell the query. Resolves to [{exact, total,
     * months: {YYYY-MM: n}, text: the data/ chunks read}].
     */
    private static final String EXACT_COUNTS = String.join("\n",
            "var queries = arguments[0], done = arguments[arguments.length - 1], S = window.telegraphSearch;",
            "var load = S.loader(document.getElementById('search').getAttribute('data-root') || ''), out = [];",
            "(function next(i) {",
            "  if (i === queries.length) return done(out);",
            "  var q = queries[i], read = [];",
            "  var engine = new S.Engine(function (key) { read.push(key); return load(key); }, window.elasticlunr);",
            "  engine.plan(q.q, q.filters).then(function (p) {",
            "    return engine.prepare(p).then(function (prepared) { return engine.counts(p, prepared); }).then(function (c) {",
            "      var months = {};",
            "      if (c) c.months.forEach(function (m) { if (m.count) months[m.month] = m.count; });",
            "      out.push({exact: p.exact, total: c ? c.total : -1, months: months,",
            "        text: read.filter(function (k) { return k.indexOf(S.DATA) === 0; })});",
            "      next(i + 1);",
            "    });",
            "  }).catch(function (e) { done([{error: String(e)}]); });",
            "})(0);");

    /**
     * Every shared query the index tells exactly gets, in Chromium over HTTP and from file://,
     * its total and each month's count from the index alone (no data/ chunk read), as the brute
     * force of {@link SearchRecallTest} finds them.
     */
    @Test
    void exactTotalsComeFromTheIndexAloneOverHttpAndFromFile() throws IOException {
        List<SearchRecallTest.Query> queries = SearchRecallTest.queries();
        List<Map<String, Object>> asked = new java.util.ArrayList<>();
        for (SearchRecallTest.Query q : queries) {
            Map<String, Object> filters = new java.util.HashMap<>();
            filters.put("day", q.day());
            filters.put("topics", q.topic() == null ? List.of() : List.of(q.topic()));
            filters.put("major", q.major());
            filters.put("from", q.from());
            filters.put("to", q.to());
            asked.add(Map.of("q", q.q(), "filters", filters));
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
        String http = StaticServer.base(server) + "search.html";
        String file = SearchFixture.SITE.toAbsolutePath().resolve("search.html").toUri().toString();
        for (String page : List.of(http, file)) {
            browser.get(page);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> got = (List<Map<String, Object>>) ((ChromeDriver) browser).executeAsyncScript(EXACT_COUNTS, asked);
            assertEquals(queries.size(), got.size(), page + ": " + got.get(0));
            int exact = 0;
            for (int i = 0; i < queries.size(); i++) {
                Map<String, Object> r = got.get(i);
                if (!Boolean.TRUE.equals(r.get("exact"))) {
                    continue;
                }
                exact++;
                SearchRecallTest.Query q = queries.get(i);
                Map<String, Object> e = SearchRecallTest.expected(q);
                assertEquals(((Number) e.get("count")).longValue(), ((Number) r.get("total")).longValue(), q + " from " + page);
                assertEquals(counts((Map<?, ?>) e.get("months")), counts((Map<?, ?>) r.get("months")), q + " per month from " + page);
                assertEquals(List.of(), r.get("text"), q + ": text chunks read from " + page);
            }
            assertTrue(exact > queries.size() / 2, "queries with exact totals from the index: " + exact);
        }
    }

    private static Map<String, Long> counts(Map<?, ?> months) {
        Map<String, Long> out = new java.util.TreeMap<>();
        months.forEach((m, n) -> out.put(m.toString(), ((Number) n).longValue()));
        return out;
    }

    @Test
    void theSortToggleIsKeptInTheUrlAndEveryResultIsHighlighted() throws IOException {
        open(StaticServer.base(server) + "search.html?q=" + URLEncoder.encode("英伟达", StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<String> initiators = (List<String>) ((ChromeDriver) browser).executeScript("return performance"
                + ".getEntriesByType('resource').filter(e => e.name.includes('/search/')).map(e => e.initiatorType);");
        assertTrue(!initiators.isEmpty() && initiators.stream().allMatch("fetch"::equals), "index read by: " + initiators);
        for (WebElement hit : browser.findElements(By.cssSelector("#search-results li"))) {
            assertTrue(!hit.findElements(By.tagName("mark")).isEmpty(), "no highlight in: " + hit.getText());
        }
        Path shot = Path.of("target", "screenshots", "search.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("search-sort"))).selectByValue("best");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("sort=best"));
    }

    /**
     * A hit on an item without a title shows the item's headline as the model makes it (its
     * first clause, {@link telegraph.model.Lead}), and a snippet that goes on from there instead
     * of repeating it.
     */
    @Test
    void anUntitledHitShowsItsFirstClauseAndItsSnippetGoesOnFromThere() {
        List<telegraph.model.Item> untitled = SearchFixture.items().stream().map(SearchFixture.Indexed::item)
                .filter(i -> i.title().isEmpty() && i.body().length() > 60
                        && i.body().codePoints().limit(8).allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .limit(5).toList();
        assertEquals(5, untitled.size(), "the real files have untitled items");
        for (telegraph.model.Item item : untitled) {
            String query = item.body().substring(0, 8);
            open(StaticServer.base(server) + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            WebElement hit = browser.findElement(By.cssSelector("#search-results li[data-id='" + item.id() + "']"));
            String headline = item.headline();
            assertEquals(headline, hit.findElement(By.cssSelector("a .title")).getText(), query);
            assertTrue(headline.endsWith("…"), headline);
            String snippet = hit.findElement(By.tagName("p")).getText();
            String rest = item.body().substring(telegraph.model.Lead.of(item.body()).end()).strip();
            assertTrue(snippet.startsWith(rest.substring(0, 10)), snippet + " goes on from " + rest);
            assertFalse(snippet.contains(query), snippet + " repeats the headline");
        }
    }

    /**
     * A phrase only the earlier version of a real re-posted item holds (SearchRecallTest) finds the
     * item, over HTTP and from file://: its link is the item's, it is marked 见于早先版本, and its
     * snippet is the earlier version's text, with the phrase highlighted.
     */
    @Test
    void aPhraseOfAnEarlierVersionFindsTheItemMarkedSo() {
        String phrase = "没有和平也没有停火";
        String id = "20260111-0041-206670a6";
        String query = "search.html?q=" + URLEncoder.encode(phrase, StandardCharsets.UTF_8);
        for (String url : List.of(StaticServer.base(server) + query, SearchFixture.SITE.toAbsolutePath().toUri() + query)) {
            assertEquals(List.of(id), open(url), url);
            assertTrue(finalStatus().startsWith("共 1 条"), url);
            WebElement hit = browser.findElement(By.cssSelector("#search-results li"));
            assertTrue(hit.findElement(By.tagName("a")).getAttribute("href").endsWith("2026/01/2026-01-10.html#" + id), url);
            assertEquals("见于早先版本", hit.findElement(By.cssSelector(".earlier")).getText(), url);
            assertEquals(phrase, hit.findElement(By.cssSelector("p mark")).getText(), url);
        }
    }

    /** Clicks "更多结果" until it is hidden; every result shown, in order. */
    private static List<String> allPages() {
        WebElement more = browser.findElement(By.id("search-more"));
        while (more.isDisplayed()) {
            int shown = browser.findElements(By.cssSelector("#search-results li")).size();
            more.click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("#search-results[aria-busy=false] li")).size() > shown || !more.isDisplayed());
        }
        return browser.findElements(By.cssSelector("#search-results li > a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*#", "")).toList();
    }

    /** The status line once the page has read all it needs for the count. */
    private static String finalStatus() {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("search-status")).getText().startsWith("共 "));
        return browser.findElement(By.id("search-status")).getText();
    }

    @Test
    void slashFocusesTheBoxAndEnterOpensTheFirstHit() {
        open(StaticServer.base(server) + "search.html?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
        String first = browser.findElement(By.cssSelector("#search-results li > a")).getAttribute("href");
        WebElement box = browser.findElement(By.id("search-q"));
        browser.findElement(By.tagName("h1")).click();
        assertTrue(!box.equals(browser.switchTo().activeElement()), "focus left the box");
        new Actions(browser).sendKeys("/").perform();
        assertEquals(box, browser.switchTo().activeElement(), "/ focuses the search box");
        assertEquals(QUERY, box.getAttribute("value"), "/ is not typed into the box");
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> first.equals(d.getCurrentUrl()));
    }

    /** Opens a search and waits until its first page is complete (the list is no longer aria-busy). */
    private static List<String> open(String url) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#search-results[aria-busy=false] li")).isEmpty());
        return browser.findElements(By.cssSelector("#search-results li > a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*#", "")).toList();
    }
}
