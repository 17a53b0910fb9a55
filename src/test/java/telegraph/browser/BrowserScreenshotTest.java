package telegraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import telegraph.TestCorpus;
import telegraph.cli.Main;

/**
 * Screenshots of home, a day, a security topic and search at 1280 px and 390 px wide (and a day
 * in dark mode), written to target/screenshots/ for a person to look at. What a machine can
 * check is asserted: nothing wider than the window, the page rendered, the dark palette applied.
 */
@Tag("integration")
class BrowserScreenshotTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path profile;
    static Chromium chromium;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        chromium = new Chromium(profile); // first: without Chromium, fail before the build
        base = BuiltSite.httpBase();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The pages shot, by name: a middle day of the corpus, 贵州茅台's page (or the first security). */
    static Map<String, String> pages() throws IOException {
        Path site = BuiltSite.site();
        String day;
        try (Stream<Path> walk = Files.walk(site.resolve("2026"))) {
            day = walk.map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches("\\d{4}/\\d{2}/\\d{4}-\\d{2}-\\d{2}\\.html")).sorted()
                    .filter(p -> p.endsWith("2026-01-06.html")).findFirst().orElseThrow();
        }
        String topic = "topics/stock/600519-sh.html";
        if (!Files.isRegularFile(site.resolve(topic))) {
            try (Stream<Path> list = Files.list(site.resolve("topics/stock"))) {
                topic = "topics/stock/" + list.map(p -> p.getFileName().toString()).filter(n -> n.matches("[^.]+\\.html"))
                        .sorted().findFirst().orElseThrow();
            }
        }
        return Map.of("home", "index.html", "day", day, "topic", topic,
                "search", "search.html?q=" + URLEncoder.encode("英伟达", StandardCharsets.UTF_8));
    }

    @Test
    void wideAndNarrow() throws IOException {
        Map<String, String> pages = pages();
        for (int width : List.of(1280, 390)) {
            for (String name : List.of("home", "day", "topic", "search")) {
                shoot(name, pages.get(name), width, false);
            }
        }
        assertEquals(List.of(), chromium.errors(), "console errors");
        assertEquals(List.of(), chromium.requests().stream().filter(u -> !u.startsWith(base) && !u.startsWith("data:")).toList(),
                "requests outside " + base);
    }

    @Test
    void darkMode() throws IOException {
        Map<String, String> pages = pages();
        try {
            for (int width : List.of(1280, 390)) {
                shoot("day", pages.get("day"), width, true);
                String bg = (String) chromium.js("return getComputedStyle(document.body).backgroundColor");
                assertEquals("rgb(21, 22, 26)", bg, "dark page background");
                String fg = (String) chromium.js("return getComputedStyle(document.body).color");
                assertEquals("rgb(231, 230, 227)", fg, "dark text");
            }
            shoot("search", pages.get("search"), 390, true);
            shoot("home", pages.get("home"), 1280, true);
        } finally {
            chromium.cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        assertEquals(List.of(), chromium.errors(), "console errors");
    }

    /**
     * A search with its facets and the problems page on a 1366×900 desktop and a 390×844 phone
     * (#30): the facets are drawn, with a count each, and the problems page lists its entries.
     */
    @Test
    void facetsAndProblems() throws IOException {
        String search = "search.html?q=" + URLEncoder.encode("美联储", StandardCharsets.UTF_8);
        for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
            shoot("search-facets", search, size[0], size[1], false);
            chromium.waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector(".facet-row[data-kind=theme] .facet")).isEmpty()
                    && d.findElements(By.cssSelector(".facet-count")).stream().noneMatch(c -> c.getText().startsWith("至少")));
            Files.write(SHOTS.resolve("search-facets-" + size[0] + ".png"), chromium.driver.getScreenshotAs(OutputType.BYTES));
            shoot("problems", "problems.html", size[0], size[1], false);
            assertEquals("所有输入都已读取，没有问题。", chromium.driver.findElement(By.cssSelector("main > p")).getText(),
                    "the real files read whole");
            shootProblems(size[0], size[1]);
        }
        assertEquals(List.of(), chromium.errors(), "console errors");
    }

    /**
     * The problems page of a real day file damaged as scrapers damage them (a line without a time,
     * an impossible time) beside a file named as a day that holds none, opened from disk.
     */
    private static void shootProblems(int width, int height) throws IOException {
        Path content = Files.createDirectories(profile.resolve("problems-content"));
        String day = Files.readString(TestCorpus.newspaperFile("CLS_2025-12-15_General.md"));
        int cut = day.indexOf("**[23:15]**");
        Files.writeString(content.resolve("CLS_2025-12-15_General.md"), day.substring(0, cut)
                + "行情显示，这一行没有时间，是抓取时断开的半句。\n\n**[25:61]** 【时间不对的一条】财联社12月15日电，时间写成了 25:61。\n\n"
                + day.substring(cut));
        Files.writeString(content.resolve("CLS_2025-12-16_General.md"), "只是一些文字，\n没有标题，也没有时间。\n");
        Path site = profile.resolve("problems-site");
        Main.run("build", "--content", content.toString(), "--out", site.toString(), "-q");
        chromium.cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", width <= 600));
        chromium.driver.get(site.resolve("problems.html").toUri().toString());
        assertEquals(3, chromium.driver.findElements(By.cssSelector(".problem .where")).size(), "one entry per damaged line or file");
        Files.write(SHOTS.resolve("problems-" + width + "-damaged.png"), chromium.driver.getScreenshotAs(OutputType.BYTES));
    }

    /** j brings an item to the top of the window, below the sticky header, wide and narrow. */
    @Test
    void jKeepsTheItemClearOfTheHeader() throws IOException {
        String day = pages().get("day");
        for (int width : List.of(1280, 390)) {
            shoot("day", day, width, false);
            for (int n = 0; n < 3; n++) {
                new Actions(chromium.driver).sendKeys("j").perform();
            }
            String id = (String) chromium.js("return document.activeElement.id");
            assertTrue(chromium.driver.getCurrentUrl().endsWith("#" + id), chromium.driver.getCurrentUrl());
            double header = ((Number) chromium.js("return document.querySelector('body > header').getBoundingClientRect().bottom")).doubleValue();
            double top = ((Number) chromium.js("return document.activeElement.getBoundingClientRect().top")).doubleValue();
            assertTrue(top >= header && top <= header + 60, id + " at " + top + " px, header ends at " + header + " px, " + width + " px wide");
            Files.write(SHOTS.resolve("day-" + width + "-j.png"), chromium.driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    private static void shoot(String name, String page, int width, boolean dark) throws IOException {
        shoot(name, page, width, width > 600 ? 1000 : 844, dark);
    }

    private static void shoot(String name, String page, int width, int height, boolean dark) throws IOException {
        chromium.cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width <= 600));
        chromium.cdp("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        chromium.driver.get(base + page);
        if (name.equals("search")) {
            chromium.waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        }
        assertEquals(1, chromium.driver.findElements(By.tagName("h1")).size(), page);
        assertEquals(Boolean.TRUE, chromium.js("return matchMedia('(prefers-color-scheme: dark)').matches === arguments[0]", dark));
        long inner = (Long) chromium.js("return window.innerWidth");
        assertEquals(width, inner, "viewport of " + page);
        // nothing may stick out sideways: the page must not scroll horizontally
        long scroll = (Long) chromium.js("return document.documentElement.scrollWidth");
        assertTrue(scroll <= width, page + " is " + scroll + " px wide at " + width + " px: " + widest());
        Path shot = SHOTS.resolve(name + "-" + width + (dark ? "-dark" : "") + ".png");
        Files.write(shot, chromium.driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The element sticking out furthest on the right, for the failure message. */
    private static Object widest() {
        return chromium.js("var w = null, r = 0; document.querySelectorAll('body *').forEach(function (e) {"
                + " var b = e.getBoundingClientRect().right; if (b > r) { r = b; w = e; } });"
                + " return w ? w.tagName + '.' + w.className + ' right=' + r : ''");
    }
}
