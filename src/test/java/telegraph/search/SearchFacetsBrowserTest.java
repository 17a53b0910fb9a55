package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import telegraph.StaticServer;
import telegraph.browser.Chromium;
import telegraph.export.ExportFiles;

/**
 * The acceptance of reading results by the page (#30 part 2) on the site of the 50 real files: a
 * search for 美联储 shows facets whose exact counts are those of a brute force over the export
 * (each item's text as the index reads it, its topics as the build gave them), a click on a theme,
 * then a source, then a month narrows the results to exactly the brute force's, and the page
 * the reader scrolled to is kept in the address.
 */
@Tag("integration")
class SearchFacetsBrowserTest {

    private static final String QUERY = "美联储";
    /** Results per page (search.js). */
    private static final int PAGE = 20;

    @TempDir
    static Path profile;
    static Chromium chromium;
    static HttpServer server;
    /** Every item of the export holding the query, oldest first, with its topics. */
    static List<Hit> matching;

    record Hit(String id, String date, List<String> topics) {
    }

    @BeforeAll
    static void start() throws IOException {
        chromium = new Chromium(profile);
        Map<String, List<String>> topics = new HashMap<>();
        SearchFixture.items().forEach(x -> topics.put(x.item().id(), x.topics()));
        matching = new ArrayList<>();
        for (JsonNode item : ExportFiles.items(SearchFixture.SITE)) {
            if (texts(item).stream().anyMatch(text -> SearchRecallTest.fold(text).contains(QUERY))) {
                String id = item.get("id").asText();
                matching.add(new Hit(id, item.get("date").asText(), topics.get(id)));
            }
        }
        server = StaticServer.start(SearchFixture.SITE);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * What the index was made of (SearchText): title, body, then the source and every stock code;
     * and each earlier version's title, body and source.
     */
    private static List<String> texts(JsonNode item) {
        StringBuilder rest = new StringBuilder(item.path("source").asText(""));
        item.path("stocks").forEach(s -> rest.append(' ').append(s.get("code").asText()));
        List<String> texts = new ArrayList<>();
        texts.add(item.path("title").asText("") + "\n" + item.path("body").asText("") + "\n" + rest);
        item.path("versions").forEach(v -> texts.add(v.path("title").asText("") + "\n" + v.path("body").asText("")
                + "\n" + v.path("source").asText("")));
        return texts;
    }

    @Test
    void aFacetClickNarrowsToTheBruteForceCountOverHttpAndFromFile() {
        String http = StaticServer.base(server) + "search.html?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
        open(http);
        assertEquals("共 " + matching.size() + " 条", count());
        Map<String, String> facets = exactFacets();
        assertTrue(facets.keySet().stream().anyMatch(t -> t.startsWith("theme/"))
                && facets.keySet().stream().anyMatch(t -> t.startsWith("source/")), "themes and sources: " + facets);
        facets.forEach((topic, shown) -> assertEquals(String.valueOf(holding(h -> h.topics().contains(topic))), shown, topic));
        // a theme is labelled by its name, a source by its own
        assertEquals("美联储", chromium.driver.findElement(By.cssSelector(".facet[data-topic='theme/fed'] span:not(.facet-count)")).getText());
        assertEquals("央视新闻", chromium.driver.findElement(By.cssSelector(".facet[data-topic='source/央视新闻'] span:not(.facet-count)")).getText());

        String theme = narrowing("theme", matching.size());
        List<Hit> inTheme = clickNarrows(theme, matching);
        assertTrue(chromium.driver.getCurrentUrl().contains("topic=" + URLEncoder.encode(theme, StandardCharsets.UTF_8)));
        // a second value narrows further: every topic of the address is required
        String other = narrowing("theme", inTheme.size());
        List<Hit> both = clickNarrows(other, inTheme);
        String twoTopics = chromium.driver.getCurrentUrl();

        chromium.driver.get(twoTopics.replace(StaticServer.base(server), SearchFixture.SITE.toUri().toString()));
        waitForCount();
        assertEquals("共 " + both.size() + " 条", count(), "from file://");
        assertEquals(newest(both, PAGE), shownIds(), "from file://");
        assertEquals(List.of(), chromium.errors(), "console errors");
    }

    @Test
    void aSourceNarrowsToItsItems() {
        open(StaticServer.base(server) + "search.html?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
        clickNarrows(narrowing("source", matching.size()), matching);
    }

    /** Clicks the facet of a topic: the results are exactly those of {@code hits} that belong to it, fewer than before. */
    private static List<Hit> clickNarrows(String topic, List<Hit> hits) {
        click("[data-topic='" + topic + "']");
        List<Hit> narrowed = hits.stream().filter(h -> h.topics().contains(topic)).toList();
        assertTrue(!narrowed.isEmpty() && narrowed.size() < hits.size(), topic + " narrows " + hits.size() + " to " + narrowed.size());
        assertEquals("共 " + narrowed.size() + " 条", count(), topic);
        assertEquals(newest(narrowed, PAGE), shownIds(), topic);
        return narrowed;
    }

    @Test
    void aMonthOnTheTimelineFiltersToItsDays() {
        open(StaticServer.base(server) + "search.html?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
        List<WebElement> months = chromium.driver.findElements(By.cssSelector(".facet-row[data-kind=month] .facet"));
        Map<String, Long> perMonth = new HashMap<>();
        matching.forEach(h -> perMonth.merge(h.date().substring(0, 7), 1L, Long::sum));
        assertEquals(perMonth.size(), months.stream().filter(m -> !m.getText().endsWith(" 0")).count(), "months with results");
        for (WebElement m : months) {
            String month = m.getAttribute("data-month");
            assertEquals(String.valueOf(perMonth.getOrDefault(month, 0L)), m.findElement(By.className("facet-count")).getText(), month);
        }
        String busiest = Collections.max(perMonth.entrySet(), Map.Entry.comparingByValue()).getKey();
        click("[data-month='" + busiest + "']");
        List<Hit> inMonth = matching.stream().filter(h -> h.date().startsWith(busiest)).toList();
        assertTrue(inMonth.size() < matching.size(), busiest + " narrows");
        assertEquals("共 " + inMonth.size() + " 条", count());
        assertEquals(newest(inMonth, PAGE), shownIds());
        assertTrue(chromium.driver.getCurrentUrl().contains("from=" + busiest + "-01"), chromium.driver.getCurrentUrl());
    }

    @Test
    void scrollingShowsTheNextPageAndTheAddressKeepsIt() {
        String url = StaticServer.base(server) + "search.html?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
        open(url);
        assertEquals(newest(matching, PAGE), shownIds());
        assertTrue(chromium.driver.findElement(By.id("search-position")).getText().matches("第 1–\\d+ 条"),
                chromium.driver.findElement(By.id("search-position")).getText());
        chromium.js("window.scrollTo(0, document.body.scrollHeight)");
        chromium.waiting().until(d -> shownIds().size() == 2 * PAGE && d.getCurrentUrl().contains("page=2"));
        assertEquals(newest(matching, 2 * PAGE), shownIds());
        // the bar at the bottom of the window says where the reader is
        String position = chromium.driver.findElement(By.id("search-position")).getText();
        assertTrue(position.matches("第 (\\d+)–(\\d+) 条") && Integer.parseInt(position.replaceAll("第 (\\d+)–.*", "$1")) > 1, position);
        chromium.driver.navigate().refresh();
        waitForCount();
        assertEquals(newest(matching, 2 * PAGE), shownIds(), "a reload shows the pages read");
    }

    private static long holding(Predicate<Hit> test) {
        return matching.stream().filter(test).count();
    }

    /** Ids of the newest n hits, as the page orders them. */
    private static List<String> newest(List<Hit> hits, int n) {
        List<String> ids = new ArrayList<>(hits.stream().map(Hit::id).toList());
        Collections.reverse(ids);
        return ids.subList(0, Math.min(n, ids.size()));
    }

    private static void open(String url) {
        chromium.driver.get(url);
        waitForCount();
    }

    /** Waits for the exact count, the first page and facets whose every value is counted exactly. */
    private static void waitForCount() {
        // the facets are drawn again as counts firm up: an element found may be gone when read
        chromium.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("search-status")).getText().startsWith("共 ")
                && !d.findElements(By.cssSelector("#search-results[aria-busy=false] li")).isEmpty()
                && !d.findElements(By.cssSelector(".facet-row[data-kind=month] .facet")).isEmpty()
                && d.findElements(By.cssSelector(".facet-count")).stream().noneMatch(c -> c.getText().startsWith("至少")));
    }

    private static String count() {
        return chromium.driver.findElement(By.id("search-status")).getText().replaceAll("^(共 \\d+ 条).*", "$1");
    }

    /** Topic → count shown, for every theme and source facet. */
    private static Map<String, String> exactFacets() {
        Map<String, String> out = new HashMap<>();
        for (WebElement f : chromium.driver.findElements(By.cssSelector(".facet[data-topic]"))) {
            out.put(f.getAttribute("data-topic"), f.findElement(By.className("facet-count")).getText());
        }
        return out;
    }

    /** The busiest value of the kind that holds fewer than all results shown (every 美联储 item is of the theme 美联储). */
    private static String narrowing(String kind, int total) {
        return chromium.driver.findElements(By.cssSelector(".facet-row[data-kind=" + kind + "] .facet[aria-pressed=false]")).stream()
                .filter(f -> Integer.parseInt(f.findElement(By.className("facet-count")).getText()) < total).findFirst()
                .orElseThrow().getAttribute("data-topic");
    }

    /** Clicks a facet and waits for the new search's results. */
    private static void click(String selector) {
        String before = chromium.driver.getCurrentUrl();
        chromium.driver.findElement(By.cssSelector(".facet" + selector)).click();
        chromium.waiting().until(d -> !d.getCurrentUrl().equals(before));
        waitForCount();
    }

    private static List<String> shownIds() {
        return chromium.driver.findElements(By.cssSelector("#search-results li")).stream()
                .map(li -> li.getAttribute("data-id")).toList();
    }
}
