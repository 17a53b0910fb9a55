package telegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.site.SiteBuilder;

/** The lean day page: what each item carries, and what it no longer repeats. */
class DayPageMarkupTest {

    @TempDir
    static Path dir;
    static Document page;
    static String html;

    @BeforeAll
    static void build() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2026-01-06_General.md"), DayFiles.newspaper("2026-01-06", "普通",
                "**[09:00]** 【央行公告】财联社1月6日电，央行开展逆回购操作。 (新华社)\n\n"
                        + "**[09:30]** 【快讯】财联社1月6日电，第一版。\n\n"
                        + "**[09:40]** 【快讯】财联社1月6日电，第一版，补充了内容。\n\n"
                        + "**[00:10]** 财联社1月7日电，贵州茅台(600519.SH)公告。\n\n"));
        Files.writeString(content.resolve("CLS_2026-01-06_Major.md"), DayFiles.newspaper("2026-01-06", "重磅",
                "**[10:00]** 🔴 **【重磅】财联社1月6日电，大事。**\n\n"));
        new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(List.of(content), dir.resolve("site"), null,
                new SiteInfo("t", ""), 1, true), (d, t) -> { });
        Path file = dir.resolve("site/2026/01/2026-01-06.html");
        html = Files.readString(file);
        page = Jsoup.parse(file.toFile(), "UTF-8");
    }

    private static Element item(String time) {
        return page.select("article.item").stream()
                .filter(a -> a.child(0).attr("datetime").startsWith(time)).findFirst().orElseThrow();
    }

    @Test
    void everyItemIsAnArticleWithItsIdAndItsTimeFirst() {
        List<Element> items = page.select("article.item");
        assertEquals(4, items.size(), "the re-post is folded into its latest version");
        for (Element item : items) {
            assertTrue(item.id().matches("\\d{8}-\\d{4}-[0-9a-f]{8}"), item.id());
            assertEquals("time", item.child(0).tagName(), "the time is the first child: the left column");
        }
        assertEquals("2026-01-06T09:00+08:00", item("2026-01-06T09:00").child(0).attr("datetime"),
                "to the minute: the source gave no seconds");
        assertEquals("09:00", item("2026-01-06T09:00").child(0).text());
    }

    @Test
    void titleTextAndSourceHaveTheirOwnElements() {
        Element first = item("2026-01-06T09:00");
        assertEquals("央行公告", first.selectFirst("> h2").text());
        assertEquals("财联社1月6日电，", first.selectFirst("> p > small").text());
        assertEquals("财联社1月6日电，央行开展逆回购操作。", first.selectFirst("> p:not([class])").text());
        assertEquals("新华社", first.selectFirst("> cite").text());
    }

    @Test
    void badgesAreClassesNotMarkup() {
        assertEquals("item next-day", item("2026-01-07T00:10").className());
        assertTrue(item("2026-01-06T10:00").hasClass("major") && item("2026-01-06T10:00").hasClass("red"));
        Element updated = item("2026-01-06T09:40");
        assertTrue(updated.hasClass("updated"));
        Element version = updated.selectFirst("details.versions > section.version");
        assertTrue(version.id().matches("\\d{8}-0930-[0-9a-f]{8}"), "an earlier version keeps its own id");
        assertEquals("2026-01-06T09:30+08:00", version.child(0).attr("datetime"), "and its own time");
        assertEquals("快讯", version.selectFirst("> h3").text());
        assertNull(page.selectFirst(".when, .badge, .next-day span, [data-level]"), "no per-item badge markup");
    }

    @Test
    void securitiesAreNotRepeatedBesideTheTextThatNamesThem() {
        Element stock = item("2026-01-07T00:10");
        assertTrue(stock.text().contains("贵州茅台(600519.SH)"));
        assertEquals(1, stock.text().split("600519", -1).length - 1, "the code appears once");
    }

    @Test
    void itemsAreWrittenWithoutIndentationOrBlankLines() {
        String items = html.substring(html.indexOf("<div class=\"items\">"), html.indexOf("</div>\n<nav class=\"day-nav bottom\""));
        assertTrue(!items.contains("\n\n") && !items.contains("\n "), "no blank or indented lines");
        assertEquals(4, items.split("\n<article ", -1).length - 1, "one line per item");
    }

    @Test
    void theDaySearchBoxSearchesThisDay() {
        Element form = page.selectFirst("main form.day-search");
        assertEquals("../../search.html", form.attr("action"));
        assertEquals(List.of("q", "day"), form.select("input").eachAttr("name"), "search.html?q=…&day=…");
        assertEquals("2026-01-06", form.selectFirst("input[name=day]").val());
    }
}
