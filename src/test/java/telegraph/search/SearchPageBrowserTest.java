package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Opens search.html?q=英伟达 in Debian's headless Chromium over HTTP (where the page fetches the
 * index files and parses the JSON inside) and from file:// (where it runs them as scripts), and
 * expects the hits the Java reader finds.
 */
@Tag("integration")
class SearchPageBrowserTest {

    private static final String QUERY = "英伟达";

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

    @Test
    void findsTheItemsOverHttp() throws IOException {
        String url = StaticServer.base(server) + "search.html?q="
                + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
        List<String> shown = open(url);
        @SuppressWarnings("unchecked")
        List<String> initiators = (List<String>) ((ChromeDriver) browser).executeScript("return performance"
                + ".getEntriesByType('resource').filter(e => e.name.includes('/search/')).map(e => e.initiatorType);");
        assertTrue(!initiators.isEmpty() && initiators.stream().allMatch("fetch"::equals), "index read by: " + initiators);
        Path shot = Path.of("target", "screenshots", "search.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        assertFirstPage(shown);
    }

    @Test
    void findsTheSameItemsFromFile() {
        String url = SearchFixture.SITE.toAbsolutePath().resolve("search.html").toUri() + "?q="
                + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
        assertFirstPage(open(url));
    }

    /** The page shows the first 20 of the hits the Java reader finds, in its order, with highlights. */
    private static void assertFirstPage(List<String> shown) {
        ShardedIndexReader reader = new ShardedIndexReader(SearchFixture.SITE.resolve("search"));
        List<ShardedIndexReader.Hit> hits = reader.search(QUERY);
        List<String> expected = hits.stream().map(reader::id).toList();
        assertEquals(expected.subList(0, Math.min(20, expected.size())), shown);
        Set<String> marks = browser.findElements(By.cssSelector("#search-results mark")).stream()
                .map(WebElement::getText).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(QUERY), marks, "highlighted text");
        // the snippet is cut around the first hit, so every result shows the word it was found by
        for (WebElement hit : browser.findElements(By.cssSelector("#search-results li"))) {
            assertTrue(!hit.findElements(By.tagName("mark")).isEmpty(), "no highlight in: " + hit.getText());
        }
        // the page reads months newest first only until it can fill the page (and tell whether
        // there is more), so it reports the hits of the months read so far
        String status = browser.findElement(By.id("search-status")).getText();
        List<String> months = hits.stream().map(ShardedIndexReader.Hit::month).distinct().toList();
        Matcher m = Pattern.compile("已找到 (\\d+) 条以上（已搜索 (\\d+)/(\\d+) ").matcher(status);
        if (m.find()) {
            Set<String> read = Set.copyOf(months.subList(0, Integer.parseInt(m.group(2))));
            assertEquals(hits.stream().filter(h -> read.contains(h.month())).count(), Long.parseLong(m.group(1)), status);
            assertEquals(months.size(), Integer.parseInt(m.group(3)), status);
        } else {
            assertTrue(status.contains("共 " + expected.size() + " 条"), status);
        }
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
