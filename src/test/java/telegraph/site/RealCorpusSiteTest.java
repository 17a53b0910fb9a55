package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.TestCorpus;
import telegraph.export.ExportFiles;
import telegraph.render.SiteInfo;

/**
 * Builds the site from all 50 real files and checks the output HTML against an expectation
 * computed here from the raw lines, independently of the parser.
 */
@Tag("integration")
class RealCorpusSiteTest {

    private static final Pattern ITEM = Pattern.compile("^\\*\\*\\[(\\d\\d):(\\d\\d)\\]\\*\\* (.*)$");
    private static final Pattern NAME = Pattern.compile("CLS_(\\d{4}-\\d{2}-\\d{2})_(General|Major)\\.md");

    @TempDir
    static Path out;
    static BuildReport report;

    /** An item as the raw file has it: window day, exact time and the text a reader should see. */
    record Expected(LocalDate window, OffsetDateTime time, String text) {
    }

    @BeforeAll
    static void build() throws Exception {
        report = new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(List.of(TestCorpus.newspaper()), out, null,
                new SiteInfo("t", ""), 2, false), (done, total) -> { });
    }

    @Test
    void everyItemAppearsExactlyOnceOnItsWindowDayWithTimeTitleAndBody() throws IOException {
        int rawLines = 0;
        // Distinct items: the same exact text at the same minute of a day is one item (both channels).
        Set<List<Object>> distinct = new HashSet<>();
        Map<Expected, Integer> expected = new HashMap<>();
        try (Stream<Path> files = Files.list(TestCorpus.newspaper())) {
            for (Path file : files.toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                LocalDate window = LocalDate.parse(name.group(1));
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = ITEM.matcher(line);
                    if (m.matches()) {
                        rawLines++;
                        LocalTime clock = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                        LocalDate date = clock.isBefore(LocalTime.of(5, 30)) ? window.plusDays(1) : window;
                        OffsetDateTime time = OffsetDateTime.of(LocalDateTime.of(date, clock), ZoneOffset.ofHours(8));
                        String text = unwrapRed(m.group(3));
                        if (distinct.add(List.of(window, time, visible(text).strip()))) {
                            expected.merge(new Expected(window, time, comparable(text)), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        assertEquals(10_884, rawLines, "items in the 50 real files");

        Map<Expected, Integer> seen = new HashMap<>();
        List<String> strays = new ArrayList<>();
        for (Path page : dayPages()) {
            LocalDate window = LocalDate.parse(page.getFileName().toString().replace(".html", ""));
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            // Shown items and the earlier versions of re-posted ones, each with its own time and text.
            List<Element> shown = new ArrayList<>();
            for (Element article : doc.select("article.item")) {
                Element own = article.clone();
                own.select(".versions").remove();
                shown.add(own);
                shown.addAll(article.select("section.version"));
            }
            for (Element article : shown) {
                OffsetDateTime time = OffsetDateTime.parse(article.selectFirst("time").attr("datetime"));
                Expected key = new Expected(window, time, comparable(displayedText(article)));
                if (expected.containsKey(key)) {
                    seen.merge(key, 1, Integer::sum);
                } else {
                    strays.add(article.id() + " " + key.text());
                }
            }
        }
        assertEquals(List.of(), strays.stream().limit(5).toList(), "articles not matching any input item");
        List<Expected> missing = expected.keySet().stream().filter(e -> !seen.containsKey(e)).limit(5).toList();
        assertEquals(List.of(), missing, "input items missing from the day pages");
        assertEquals(List.of(), seen.entrySet().stream().filter(e -> !e.getValue().equals(expected.get(e.getKey())))
                .limit(5).toList(), "items appearing more or fewer times than in the input");
        assertEquals(distinct.size(), report.items() + report.duplicates().reposts(), "shown items and earlier versions");
        assertEquals(30, report.duplicates().bothChannels(), "items whose text is in both channels");
        assertEquals(10_854, distinct.size(), "10,884 lines less the 30 items published in both channels");
    }

    @Test
    void jsonExportHasEveryItemOnceWithItsFieldsAndNothingWrittenTwice() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode day : ExportFiles.days(out)) {
            assertEquals(day.get("count").asInt(), day.get("items").size());
            for (JsonNode item : day.get("items")) {
                assertEquals(null, byId.put(item.get("id").asText(), item), "ids are unique across the archive");
                for (String field : List.of("id", "time", "channels", "level", "origin")) {
                    assertTrue(item.has(field), field + " of " + item.get("id"));
                }
                assertTrue(item.has("title") || item.has("body"), "a title-only item has no body: " + item.get("id"));
                assertTrue(item.get("time").asText().startsWith(day.get("date").asText())
                        || item.get("time").asText().startsWith(LocalDate.parse(day.get("date").asText()).plusDays(1).toString()),
                        "an item's time lies in its day's window: " + item);
                String full = (item.has("title") ? "【" + item.get("title").asText() + "】" : "")
                        + item.path("dateline").asText() + item.path("body").asText()
                        + (item.has("source") ? " (" + item.get("source").asText() + ")" : "");
                assertTrue(!item.has("raw") || !item.get("raw").asText().equals(full), "raw only where it differs");
                item.fields().forEachRemaining(f -> assertTrue(f.getValue().isContainerNode() ? !f.getValue().isEmpty()
                        : f.getValue().isBoolean() ? f.getValue().asBoolean() : !f.getValue().asText().isEmpty(),
                        "empty fields are left out: " + f.getKey() + " of " + item.get("id")));
            }
        }
        assertEquals(report.items(), byId.size(), "every item exported once");
        assertEquals(25, ExportFiles.days(out).size(), "every day in the index");
        assertEquals(report.items(), ExportFiles.index(out).get("items").asLong());
        // the displayed items are the exported ones: ids on the day pages match the export's
        Set<String> shown = new HashSet<>();
        for (Path page : dayPages()) {
            Jsoup.parse(page.toFile(), "UTF-8").select("article.item").forEach(a -> shown.add(a.id()));
        }
        assertEquals(byId.keySet(), shown);
    }

    @Test
    void homeLinksEveryDayPage() throws IOException {
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        Set<String> linked = new HashSet<>(home.select(".calendar a").eachAttr("href"));
        List<Path> pages = dayPages();
        assertEquals(25, pages.size());
        for (Path page : pages) {
            assertTrue(linked.contains(out.relativize(page).toString()), page.toString());
        }
        assertEquals("zh-CN", home.selectFirst("html").attr("lang"));
    }

    @Test
    void dayPagesLinkPreviousAndNextDay() throws IOException {
        Document day = Jsoup.parse(out.resolve("2026/01/2026-01-06.html").toFile(), "UTF-8");
        assertEquals("2026-01-05.html", day.selectFirst("a[rel=prev]").attr("href").replaceAll(".*/", ""));
        assertEquals("2026-01-07.html", day.selectFirst("a[rel=next]").attr("href").replaceAll(".*/", ""));
        Document first = Jsoup.parse(out.resolve("2025/12/2025-12-15.html").toFile(), "UTF-8");
        assertEquals(null, first.selectFirst("a[rel=prev]"));
        assertEquals(1, first.select("h1").size());
    }

    @Test
    void coverageReportFlagsTheScraperGapsOfTheRealFiles() throws IOException {
        Document coverage = Jsoup.parse(out.resolve("coverage.html").toFile(), "UTF-8");
        assertEquals(25 * 24, coverage.select("svg rect").size(), "a cell per day and hour");
        String flagged = coverage.select(".flagged").text();
        assertTrue(flagged.contains("2026年1月5日：08:00–09:59 没有电报（该时段通常有）；14:00–14:59 没有电报"), flagged);
        assertTrue(!flagged.contains("2026年1月10日"), "a complete weekend day is not flagged");
        Document day = Jsoup.parse(out.resolve("2026/01/2026-01-05.html").toFile(), "UTF-8");
        assertEquals("08:00–09:59 没有电报（该时段通常有） 14:00–14:59 没有电报（该时段通常有）", day.select(".gaps li").text());
    }

    private static List<Path> dayPages() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.html")).sorted().toList();
        }
    }

    /** Title, text and source of an item or earlier version, in the markup item.ftlh documents. */
    private static String displayedText(Element article) {
        StringBuilder sb = new StringBuilder();
        Element title = article.selectFirst("> h2, > h3");
        if (title != null) {
            sb.append('【').append(title.text()).append('】');
        }
        sb.append(article.select("> p:not([class]), > ol").text());
        Element source = article.selectFirst("> cite");
        if (source != null) {
            sb.append('(').append(source.text()).append(')');
        }
        return sb.toString();
    }

    private static String unwrapRed(String text) {
        String t = text;
        if (t.startsWith("🔴")) {
            t = t.substring("🔴".length()).strip();
            t = t.startsWith("**") ? t.substring(2) : t;
            t = t.endsWith("**") ? t.substring(0, t.length() - 2) : t;
        }
        return t;
    }

    /** The text a reader should see: entities decoded, invisible characters gone. */
    private static String visible(String text) {
        StringBuilder sb = new StringBuilder();
        Parser.unescapeEntities(text, false).codePoints()
                .filter(cp -> cp == ' ' || switch (Character.getType(cp)) {
                    case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
                    default -> true;
                })
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** What must match between input and output: visible text without spacing, any bracket width. */
    private static String comparable(String text) {
        return visible(text).replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }
}
