package telegraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reader's walk through the site built from the 50 real files, in headless Chromium, once over
 * a local HTTP server and once straight from disk: home → calendar → day → next day → topic and
 * back → j/k → 只看重磅 → ]/[ → / search. No console error, no request outside the site.
 */
@Tag("integration")
class BrowserScenarioTest {

    private static final String QUERY = "英伟达";

    @TempDir
    static Path profile;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        chromium = new Chromium(profile); // first: without Chromium, fail before the build
        BuiltSite.site();
        // the recorders must see what they are meant to see, or "nothing seen" proves nothing
        String home = BuiltSite.fileBase() + "index.html";
        chromium.driver.get(home);
        chromium.js("console.error('probe of the console recorder')");
        assertTrue(chromium.errors().stream().anyMatch(e -> e.contains("probe of the console recorder")), "console recorder");
        assertTrue(chromium.requests().contains(home), "request recorder: " + chromium.requests());
        chromium.clear();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void overHttp() {
        walk(BuiltSite.httpBase());
    }

    @Test
    void fromFile() {
        walk(BuiltSite.fileBase());
    }

    private static void walk(String base) {
        chromium.clear();
        var driver = chromium.driver;

        // home: the calendar links every day (25 in the corpus); take the middle one, which has
        // a next day and a day after that
        driver.get(base + "index.html");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        List<WebElement> days = driver.findElements(By.cssSelector("table.calendar td > a"));
        assertTrue(days.size() >= 20, "calendar links: " + days.size());
        List<String> hrefs = days.stream().map(a -> a.getAttribute("href")).sorted().toList();
        String middle = hrefs.get(hrefs.size() / 2);
        WebElement day = days.stream().filter(a -> a.getAttribute("href").equals(middle)).findFirst().orElseThrow();
        String dayUrl = follow(day);
        String date = dayDate();
        assertTrue(dayUrl.endsWith("/" + date + ".html"), dayUrl + " shows " + date);
        assertTrue(driver.findElements(By.cssSelector("article.item")).size() > 0, "items on " + dayUrl);

        // next day
        String nextUrl = follow(driver.findElement(By.cssSelector("a[rel=next]")));
        String nextDate = dayDate();
        assertTrue(nextDate.compareTo(date) > 0, nextDate + " after " + date);
        assertTrue(nextUrl.endsWith("/" + nextDate + ".html"), nextUrl);

        // a topic, and back
        WebElement chip = driver.findElement(By.cssSelector("article.item > nav a"));
        String label = chip.getText();
        String topicUrl = follow(chip);
        assertTrue(decoded(topicUrl).contains("/topics/"), topicUrl);
        String topic = driver.findElement(By.tagName("h1")).getText();
        assertTrue(label.contains(topic) || topic.contains(label), "chip " + label + " opened " + topic);
        assertFalse(driver.findElements(By.cssSelector(".topic-items li a")).isEmpty(), "items of " + topic);
        driver.navigate().back();
        chromium.waiting().until(ExpectedConditions.urlToBe(nextUrl));
        assertEquals(nextDate, dayDate());

        // j / k walk the items, the URL's hash follows
        chromium.js("window.scrollTo(0, 0)");
        List<String> ids = visibleItemIds();
        assertTrue(ids.size() >= 3, "items: " + ids.size());
        key("j");
        assertEquals(ids.get(0), focusedItem());
        key("j");
        assertEquals(ids.get(1), focusedItem());
        assertEquals("#" + ids.get(1), URI.create(driver.getCurrentUrl()).getRawFragment() == null ? ""
                : "#" + URI.create(driver.getCurrentUrl()).getRawFragment());
        key("j");
        assertEquals(ids.get(2), focusedItem());
        key("k");
        assertEquals(ids.get(1), focusedItem());
        assertTrue(driver.getCurrentUrl().endsWith("#" + ids.get(1)), driver.getCurrentUrl());

        // 只看重磅: only .item.major stay visible, and j stays among them
        chromium.js("window.scrollTo(0, 0)"); // the reader scrolls back up to the toolbar
        WebElement majorOnly = driver.findElement(By.id("major-only"));
        assertTrue(majorOnly.isDisplayed(), "the toolbar is shown by the script");
        assertFalse(majorOnly.isSelected(), "filter starts off");
        majorOnly.click();
        List<WebElement> items = driver.findElements(By.cssSelector("article.item"));
        List<WebElement> shown = items.stream().filter(WebElement::isDisplayed).toList();
        assertFalse(shown.isEmpty(), "major items of " + nextDate);
        assertTrue(shown.size() < items.size(), "some items hidden on " + nextDate);
        for (WebElement item : shown) {
            assertTrue(item.getAttribute("class").contains("major"), item.getAttribute("id") + " shown");
        }
        for (WebElement item : items) {
            assertEquals(item.getAttribute("class").contains("major"), item.isDisplayed(), item.getAttribute("id"));
        }
        chromium.js("window.scrollTo(0, 0)");
        key("j");
        assertEquals(shown.get(0).getAttribute("id"), focusedItem());

        // ] and [ : next and previous day by keyboard; the filter is remembered and in the URL
        String keyNext = driver.findElement(By.cssSelector("a[rel=next]")).getAttribute("href");
        key("]");
        chromium.waiting().until(ExpectedConditions.urlToBe(keyNext));
        assertTrue(dayDate().compareTo(nextDate) > 0, dayDate());
        assertTrue(driver.findElement(By.id("major-only")).isSelected(), "filter remembered on " + dayDate());
        String keyPrev = driver.findElement(By.cssSelector("a[rel=prev]")).getAttribute("href");
        assertEquals(nextUrl + "?major=1", keyPrev, "the day links carry the filter");
        key("[");
        chromium.waiting().until(ExpectedConditions.urlToBe(nextUrl + "?major=1"));
        assertEquals(nextDate, dayDate());
        driver.findElement(By.id("major-only")).click();
        assertTrue(driver.findElements(By.cssSelector("article.item")).stream().allMatch(WebElement::isDisplayed),
                "every item back once the filter is off");

        // the topic-kind filter: only items with a security chip stay, without a reload
        chromium.js("window.stillHere = true");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("topic-kind"))).selectByValue("stock");
        List<WebElement> all = driver.findElements(By.cssSelector("article.item"));
        long visible = 0;
        for (WebElement item : all) {
            boolean hasStock = !item.findElements(By.cssSelector(":scope > nav a[href*='topics/stock/']")).isEmpty();
            assertEquals(hasStock, item.isDisplayed(), item.getAttribute("id"));
            visible += hasStock ? 1 : 0;
        }
        assertTrue(visible > 0 && visible < all.size(), visible + " of " + all.size());
        assertEquals(Boolean.TRUE, chromium.js("return window.stillHere === true"), "no reload, no navigation");
        assertEquals(nextUrl + "?topic=stock", driver.getCurrentUrl().replaceFirst("#.*", ""), "the URL keeps the filter");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("topic-kind"))).selectByValue("");
        assertTrue(driver.findElements(By.cssSelector("article.item")).stream().allMatch(WebElement::isDisplayed),
                "every item back with 全部");

        // the day's own search box opens search.html for that day
        WebElement dayBox = driver.findElement(By.cssSelector("form.day-search input[name=q]"));
        dayBox.sendKeys(QUERY, Keys.ENTER);
        chromium.waiting().until(d -> d.getCurrentUrl().contains("search.html?q="));
        // the page asked for (the search page may tidy its address once loaded)
        String daySearch = base + "search.html?q=" + QUERY + "&day=" + nextDate;
        assertTrue(chromium.requests().stream().map(BrowserScenarioTest::decoded).anyMatch(daySearch::equals),
                daySearch + " requested");
        driver.navigate().back();
        chromium.waiting().until(d -> d.getCurrentUrl().replaceFirst("#.*", "").equals(nextUrl));
        dayBox = driver.findElement(By.cssSelector("form.day-search input[name=q]"));
        dayBox.clear();
        dayBox.sendKeys(Keys.ESCAPE);
        chromium.js("document.activeElement.blur()");

        // / focuses the header's search box; Enter opens search.html with hits
        key("/");
        WebElement box = driver.findElement(By.cssSelector("body > header input"));
        assertEquals(box, driver.switchTo().activeElement());
        box.sendKeys(QUERY, Keys.ENTER);
        chromium.waiting().until(d -> d.getCurrentUrl().contains("search.html?q="));
        assertTrue(driver.getCurrentUrl().startsWith(base + "search.html?q="), driver.getCurrentUrl());
        chromium.waiting().until(d -> !d.findElements(By.cssSelector("#search-results[aria-busy=false] li")).isEmpty());
        assertEquals(QUERY, driver.findElement(By.id("search-q")).getAttribute("value"));
        List<WebElement> hits = driver.findElements(By.cssSelector("#search-results li > a"));
        assertTrue(hits.size() >= 5, "hits: " + hits.size());
        Set<String> marks = driver.findElements(By.cssSelector("#search-results mark")).stream()
                .map(WebElement::getText).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(QUERY), marks);
        assertTrue(hits.get(0).getAttribute("href").startsWith(base), hits.get(0).getAttribute("href"));

        // nothing went wrong, nothing left the machine
        assertEquals(List.of(), chromium.errors(), "console errors");
        List<String> requests = chromium.requests();
        assertTrue(requests.contains(base + "assets/style.css"), "requests seen: " + requests.size());
        assertTrue(requests.stream().anyMatch(u -> u.startsWith(base + "search/")), "search shards requested");
        List<String> outside = requests.stream().filter(u -> !u.startsWith(base) && !u.startsWith("data:")).toList();
        assertEquals(List.of(), outside, "requests outside " + base);
    }

    /** Clicks a link and waits for the page it names; returns its URL. */
    private static String follow(WebElement link) {
        String href = link.getAttribute("href");
        link.click();
        chromium.waiting().until(ExpectedConditions.urlToBe(href));
        chromium.waiting().until(d -> "complete".equals(chromium.js("return document.readyState")));
        return href;
    }

    private static void key(String key) {
        new Actions(chromium.driver).sendKeys(key).perform();
    }

    private static String dayDate() {
        return chromium.driver.findElement(By.cssSelector("h1 time")).getAttribute("datetime");
    }

    @SuppressWarnings("unchecked")
    private static List<String> visibleItemIds() {
        return (List<String>) chromium.js("return Array.prototype.filter.call(document.querySelectorAll('article.item'),"
                + " a => a.offsetParent !== null).map(a => a.id)");
    }

    private static String focusedItem() {
        Object id = chromium.js("var a = document.activeElement; return a && a.matches('article.item') ? a.id : null");
        assertNotEquals(null, id, "an item has the focus");
        return (String) id;
    }

    private static String decoded(String url) {
        return URLDecoder.decode(url, StandardCharsets.UTF_8);
    }
}
