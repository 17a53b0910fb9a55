package telegraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import telegraph.render.Dates;
import telegraph.export.ExportFiles;

/**
 * On the site built from the 50 real files, every place that shows an item's time shows its
 * true date and time, the export's {@code time}: topic and year pages under the calendar date it
 * happened on, feeds, the search page's results (read in Chromium, through the page's own
 * script), and day pages (the window day, with the 次日 mark on items past midnight). Each list
 * is newest first by that true time. The corpus has items past midnight on most days, and each
 * part asserts it saw some, so a list that showed the window date instead would fail.
 */
@Tag("integration")
class ShownTimesTest {

    @TempDir
    static Path profile;
    static Chromium chromium;
    /** Each exported item's true time, by id. */
    static final Map<String, OffsetDateTime> TIMES = new HashMap<>();
    /** Each exported item's window date, by id. */
    static final Map<String, LocalDate> WINDOWS = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        chromium = new Chromium(profile);
        for (JsonNode item : ExportFiles.items(BuiltSite.site())) {
            TIMES.put(item.get("id").asText(), OffsetDateTime.parse(item.get("time").asText()));
            WINDOWS.put(item.get("id").asText(), LocalDate.parse(item.get("date").asText()));
        }
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Counts what a part checked, and how many of those items happened past midnight. */
    private static final class Seen {
        int entries;
        int pastMidnight;

        void add(String id) {
            entries++;
            if (!TIMES.get(id).toLocalDate().equals(WINDOWS.get(id))) {
                pastMidnight++;
            }
        }

        void assertMeaningful(String part) {
            assertTrue(entries > 100 && pastMidnight > 10, part + ": " + entries + " entries, " + pastMidnight
                    + " past midnight");
        }
    }

    @Test
    void topicAndYearPagesListEachItemUnderItsTrueDateAndTime() throws IOException {
        Seen seen = new Seen();
        for (Path page : files(BuiltSite.site().resolve("topics"), ".html")) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            Element range = doc.selectFirst("p.meta:contains(共)");
            Element newest = doc.selectFirst("div.topic-items > h3");
            if (range != null && newest != null && !page.getFileName().toString().matches(".+\\.\\d{4}(-\\d{2})?\\.html")) {
                assertTrue(range.text().endsWith("至" + newest.text()) || range.text().contains("至" + newest.text() + " "),
                        page + ": the range ends with the newest item's date: " + range.text());
            }
            OffsetDateTime previous = null;
            for (Element heading : doc.select("div.topic-items > h3")) {
                Element list = heading.nextElementSibling();
                assertNotNull(list, page + ": " + heading.text());
                for (Element a : list.select("li > a")) {
                    String id = fragment(a.attr("href"));
                    OffsetDateTime time = time(id, page);
                    assertEquals(Dates.chinese(time.toLocalDate()), heading.text(), page + ": heading of " + id);
                    assertEquals(clock(time), a.text().substring(0, 5), page + ": time of " + id);
                    assertTrue(previous == null || !time.isAfter(previous), page + ": " + id + " after a newer item");
                    previous = time;
                    seen.add(id);
                }
            }
        }
        seen.assertMeaningful("topic pages");
    }

    @Test
    void feedsGiveEachEntryItsTrueTime() throws IOException {
        Seen seen = new Seen();
        List<Path> feeds = new ArrayList<>(files(BuiltSite.site().resolve("topics"), ".xml"));
        feeds.add(BuiltSite.site().resolve("feed.xml"));
        for (Path feed : feeds) {
            Document doc = Jsoup.parse(Files.readString(feed), "", Parser.xmlParser());
            OffsetDateTime previous = null;
            for (Element entry : doc.select("entry")) {
                String id = fragment(entry.selectFirst("link").attr("href"));
                OffsetDateTime time = time(id, feed);
                assertEquals(time, OffsetDateTime.parse(entry.selectFirst("updated").text()), feed + ": " + id);
                assertTrue(previous == null || !time.isAfter(previous), feed + ": " + id + " after a newer entry");
                previous = time;
                seen.add(id);
            }
        }
        seen.assertMeaningful("feeds");
    }

    @Test
    void dayPagesShowTheClockAndMarkItemsOfTheNextDay() throws IOException {
        Seen seen = new Seen();
        for (Path page : files(BuiltSite.site(), ".html")) {
            String name = page.getFileName().toString();
            if (!name.matches("\\d{4}-\\d{2}-\\d{2}\\.html")) {
                continue;
            }
            LocalDate day = LocalDate.parse(name.substring(0, 10));
            for (Element item : Jsoup.parse(page.toFile(), "UTF-8").select("article.item")) {
                OffsetDateTime time = time(item.id(), page);
                assertEquals(clock(time), item.selectFirst("time").text(), page + ": " + item.id());
                assertEquals(!time.toLocalDate().equals(day), item.hasClass("next-day"), page + ": 次日 of " + item.id());
                seen.add(item.id());
            }
        }
        seen.assertMeaningful("day pages");
    }

    /**
     * Queries whose results are mostly night news from America (鲍威尔, 道指), one within a day, in
     * both orders: each hit, read by the search page from the export, shows its true date and time;
     * newest first is by that time.
     */
    @Test
    void searchResultsShowTheTrueDateAndTime() {
        Seen seen = new Seen();
        String base = BuiltSite.fileBase() + "search.html?q=";
        for (String query : List.of("鲍威尔", "道指", "美联储&day=2026-03-18")) {
            String q = query.replaceAll("&.*", "");
            String url = base + URLEncoder.encode(q, StandardCharsets.UTF_8) + query.substring(q.length());
            for (boolean best : new boolean[] {false, true}) {
                List<WebElement> hits = allResults(url + (best ? "&sort=best" : ""));
                assertFalse(hits.isEmpty(), url);
                OffsetDateTime previous = null;
                for (WebElement hit : hits) {
                    String id = hit.getAttribute("data-id");
                    OffsetDateTime time = time(id, Path.of(url));
                    String when = hit.findElement(By.className("when")).getText();
                    assertTrue(when.startsWith(time.toLocalDate() + " " + clock(time)), url + ": " + id + " shows " + when);
                    assertTrue(best || previous == null || !time.isAfter(previous), url + ": " + id + " after a newer hit");
                    previous = time;
                    if (!best) {
                        seen.add(id);
                    }
                }
            }
        }
        assertTrue(seen.pastMidnight > 20, "search hits past midnight: " + seen.pastMidnight);
    }

    /** Opens a search and clicks "更多结果" until every result is shown. */
    private static List<WebElement> allResults(String url) {
        var driver = chromium.driver;
        driver.get(url);
        chromium.waiting().until(d -> !d.findElements(By.cssSelector("#search-results[aria-busy=false] li")).isEmpty());
        WebElement more = driver.findElement(By.id("search-more"));
        while (more.isDisplayed()) {
            int shown = driver.findElements(By.cssSelector("#search-results li")).size();
            more.click();
            chromium.waiting().until(d -> d.findElements(By.cssSelector("#search-results[aria-busy=false] li")).size()
                    > shown || !more.isDisplayed());
        }
        return driver.findElements(By.cssSelector("#search-results li.search-hit"));
    }

    private static OffsetDateTime time(String id, Path where) {
        OffsetDateTime time = TIMES.get(id);
        assertNotNull(time, where + " shows " + id + ", which the export does not hold");
        return time;
    }

    private static String clock(OffsetDateTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static String fragment(String href) {
        return href.substring(href.indexOf('#') + 1);
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
