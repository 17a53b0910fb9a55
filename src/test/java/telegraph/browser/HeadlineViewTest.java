package telegraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The headline view of a real day (2026-01-15, 769 items) in headless Chromium: how many items a
 * desktop and a phone screen hold, settings kept in the URL, across a reload and to the next day,
 * remembered by the browser, items opened in place, print showing every item whole. Screenshots
 * go to target/screenshots/ for a person to look at.
 */
@Tag("integration")
class HeadlineViewTest {

    private static final String DAY = "2026/01/2026-01-15.html";

    @TempDir
    static Path profile;
    static Chromium chromium;
    static String base;

    @BeforeAll
    static void start() {
        chromium = new Chromium(profile); // first: without Chromium, fail before the build
        base = BuiltSite.httpBase();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Each test starts as a reader who never chose a setting, on a desktop screen. */
    @BeforeEach
    void forget() {
        chromium.driver.get(base + DAY);
        chromium.js("localStorage.clear()");
        screen(1366, 900, false);
    }

    @Test
    void aScreenHoldsTwentyFiveItemsOnADesktopAndTwelveOnAPhone() throws IOException {
        Files.createDirectories(BrowserScreenshotTest.SHOTS);
        for (int[] size : new int[][] {{1366, 900, 25}, {390, 844, 12}}) {
            screen(size[0], size[1], size[0] < 600);
            chromium.driver.get(base + DAY + "?view=headlines");
            Files.write(BrowserScreenshotTest.SHOTS.resolve("day-headlines-" + size[0] + "-top.png"),
                    chromium.driver.getScreenshotAs(OutputType.BYTES));
            // the first item just under the sticky header, as after the hour bar's first link
            chromium.js("var first = document.querySelector('article.item');"
                    + "scrollTo(0, first.getBoundingClientRect().top + scrollY"
                    + " - document.querySelector('body > header').getBoundingClientRect().bottom)");
            long shown = (Long) chromium.js("var top = document.querySelector('body > header').getBoundingClientRect().bottom;"
                    + "return Array.from(document.querySelectorAll('article.item')).filter(function (a) {"
                    + " var r = a.getBoundingClientRect(); return r.top >= top - 1 && r.bottom <= innerHeight; }).length");
            assertTrue(shown >= size[2], shown + " items on a " + size[0] + "x" + size[1] + " screen");
            assertEquals(List.of(), chromium.js("return Array.from(document.querySelectorAll('article.item'))"
                    + ".filter(function (a) { return a.offsetHeight > 40; }).slice(0, 3).map(function (a) { return a.id; })"),
                    "every item one line high");
            assertTrue((Long) chromium.js("return document.documentElement.scrollWidth") <= size[0], "no sideways scroll");
            Files.write(BrowserScreenshotTest.SHOTS.resolve("day-headlines-" + size[0] + ".png"),
                    chromium.driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** An untitled item's line is its first clause with an ellipsis: the text after it takes no room. */
    @Test
    void anUntitledItemsLineIsItsFirstClause() {
        chromium.driver.get(base + DAY + "?view=headlines");
        WebElement clause = chromium.driver.findElement(By.cssSelector("article.item > p > b"));
        WebElement line = clause.findElement(By.xpath(".."));
        double clauseWidth = ((Number) chromium.js("return arguments[0].getBoundingClientRect().width", clause)).doubleValue();
        double textWidth = ((Number) chromium.js("var r = document.createRange(); r.selectNodeContents(arguments[0]);"
                + "return r.getBoundingClientRect().width", line)).doubleValue();
        assertTrue(clauseWidth > 20, "the clause shows");
        assertTrue(textWidth <= clauseWidth + 1, "nothing beside the clause: " + textWidth + " > " + clauseWidth);
        assertEquals("…", chromium.js("return getComputedStyle(arguments[0], '::after').content.replace(/\"/g, '')", clause));
    }

    @Test
    void theSettingsSurviveAReloadAndTheNextDayAndTheBrowserRemembersThem() {
        chromium.driver.get(base + DAY + "?view=headlines&major=1");
        assertSettings(true, true);
        chromium.driver.navigate().refresh();
        assertSettings(true, true);
        new Actions(chromium.driver).sendKeys("]").perform();
        chromium.waiting().until(d -> d.getCurrentUrl().contains("2026-01-16.html"));
        assertTrue(chromium.driver.getCurrentUrl().endsWith("2026-01-16.html?view=headlines&major=1"),
                chromium.driver.getCurrentUrl());
        assertSettings(true, true);

        chromium.driver.get(base + "2026/01/2026-01-14.html");
        assertSettings(true, true);
        assertTrue(chromium.driver.getCurrentUrl().endsWith("?view=headlines&major=1"), "the URL shows them");
        chromium.driver.findElement(By.id("major-only")).click();
        assertTrue(chromium.driver.getCurrentUrl().endsWith("2026-01-14.html?view=headlines"),
                chromium.driver.getCurrentUrl());
        assertTrue(chromium.driver.findElement(By.cssSelector(".day-nav a[rel=next]")).getAttribute("href")
                .endsWith("2026-01-15.html?view=headlines"), "the next day's link passes them on");

        chromium.js("localStorage.clear()");
        chromium.driver.get(base + DAY);
        assertSettings(false, false);
        assertTrue(chromium.driver.getCurrentUrl().endsWith(DAY), "a page opened with no setting is the full view");
    }

    @Test
    void anItemOpensInPlaceByClickAndByKeyAndPrintShowsEveryItemWhole() {
        chromium.driver.get(base + DAY + "?view=headlines");
        WebElement item = chromium.driver.findElements(By.cssSelector("article.item")).stream()
                .filter(a -> !a.findElements(By.cssSelector(":scope > h2")).isEmpty()).findFirst().orElseThrow();
        WebElement text = item.findElement(By.cssSelector(":scope > p, :scope > .body"));
        assertFalse(text.isDisplayed(), "a titled item's line is its title");
        item.findElement(By.tagName("h2")).click();
        assertTrue(text.isDisplayed(), "a click opens it");
        item.findElement(By.tagName("h2")).click();
        assertFalse(text.isDisplayed(), "and closes it");

        new Actions(chromium.driver).sendKeys("j").perform();
        String focused = (String) chromium.js("return document.activeElement.id");
        new Actions(chromium.driver).sendKeys("o").perform();
        assertEquals(Boolean.TRUE, chromium.js("return document.activeElement.classList.contains('open')"), focused);

        try {
            chromium.cdp("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertTrue(text.isDisplayed(), "print shows the text of an item the reader did not open");
            assertEquals(Boolean.FALSE, chromium.js("return document.querySelector('.toolbar').offsetParent !== null"));
        } finally {
            chromium.cdp("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertEquals(List.of(), chromium.errors(), "console errors");
    }

    private static void assertSettings(boolean headlines, boolean major) {
        assertEquals(headlines, chromium.driver.findElement(By.id("headlines")).isSelected(), "headline view");
        assertEquals(major, chromium.driver.findElement(By.id("major-only")).isSelected(), "major only");
        assertEquals(headlines, chromium.js("return document.body.classList.contains('headlines')"));
        assertEquals(major, chromium.js("return document.body.classList.contains('major-only')"));
    }

    private static void screen(int width, int height, boolean mobile) {
        chromium.cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }
}
