package telegraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What site.js adds to the lean day page, in headless Chromium: each time becomes its item's
 * link, long items are collapsed behind a button, items newer than the last visit are marked,
 * and the badges the style sheet draws from the classes show.
 */
@Tag("integration")
class DayPageScriptTest {

    @TempDir
    static Path profile;
    static Chromium chromium;
    static String day;

    @BeforeAll
    static void start() {
        chromium = new Chromium(profile);
        BuiltSite.site();
        day = BuiltSite.fileBase() + "2026/01/2026-01-06.html";
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static void open(String url) {
        chromium.driver.get(url);
        chromium.waiting().until(d -> "complete".equals(chromium.js("return document.readyState")));
    }

    @Test
    void eachTimeLinksToItsItem() {
        open(day);
        List<WebElement> items = chromium.driver.findElements(By.cssSelector("article.item"));
        assertTrue(items.size() > 400, "items: " + items.size());
        for (WebElement item : items.subList(0, 50)) {
            WebElement link = item.findElement(By.cssSelector(":scope > a.time:first-child > time"));
            assertEquals("#" + item.getAttribute("id"), link.findElement(By.xpath("..")).getAttribute("hash"));
        }
        assertEquals("本条链接", items.get(0).findElement(By.cssSelector("a.time")).getAttribute("title"));
    }

    @Test
    void longItemsAreCollapsedAndOpenWithTheirButton() {
        open(day);
        List<WebElement> collapsed = chromium.driver.findElements(By.cssSelector("article.item.collapsed"));
        assertTrue(!collapsed.isEmpty(), "some items of 1月6日 are long");
        WebElement item = collapsed.get(0);
        WebElement body = item.findElement(By.cssSelector(":scope > div.body"));
        assertTrue(body.getText().length() >= 320 || body.getAttribute("textContent").length() >= 320);
        double cut = ((Number) chromium.js("return arguments[0].getBoundingClientRect().height", body)).doubleValue();
        chromium.js("arguments[0].scrollIntoView({block: 'center'})", item);
        item.findElement(By.cssSelector("button.more")).click();
        double whole = ((Number) chromium.js("return arguments[0].getBoundingClientRect().height", body)).doubleValue();
        assertTrue(whole > cut, "opened: " + cut + " → " + whole);
    }

    @Test
    void itemsAfterTheLastVisitAreMarkedNew() {
        open(day);
        chromium.js("localStorage.setItem('telegraph:seen:2026-01-06.html', '2026-01-06T23:00:00+08:00')");
        open(day);
        OffsetDateTime seen = OffsetDateTime.parse("2026-01-06T23:00:00+08:00");
        long after = chromium.driver.findElements(By.cssSelector("article.item > a.time > time")).stream()
                .filter(t -> OffsetDateTime.parse(t.getAttribute("datetime")).isAfter(seen)).count();
        assertTrue(after > 0);
        assertEquals(after, chromium.driver.findElements(By.cssSelector("article.item.new")).size());
        assertEquals("上次访问后新增 " + after + " 条", chromium.driver.findElement(By.cssSelector(".new-count")).getText());
    }

    @Test
    void badgesAreDrawnFromTheClasses() {
        open(day);
        WebElement major = chromium.driver.findElement(By.cssSelector("article.item.major.next-day"));
        assertEquals("\"次日\"", chromium.js("return getComputedStyle(arguments[0].firstElementChild, '::before').content", major));
        assertEquals("\"重磅\"", chromium.js("return getComputedStyle(arguments[0].firstElementChild, '::after').content", major));
        WebElement plain = chromium.driver.findElement(By.cssSelector("article.item:not(.major):not(.next-day):not(.updated)"));
        assertEquals("none", chromium.js("return getComputedStyle(arguments[0].firstElementChild, '::after').content", plain));
    }
}
