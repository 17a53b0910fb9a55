package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.HandedMonths;
import telegraph.SiteTrees;
import telegraph.export.DataExport;
import telegraph.render.SiteInfo;
import telegraph.search.SearchIndexOutput;
import telegraph.site.SiteBuilder;

/**
 * A name learned in one month changes which items of other months name the company: adding
 * the day that first writes a company's code puts an older month's uncoded mention on its page
 * (and in its search), removing it takes it off, and each incremental build equals a full one.
 * Months whose text holds none of the names that changed are not matched again.
 */
class CompanyNamesIncrementalTest {

    @TempDir
    Path dir;

    private static final String JANUARY = """
            **[09:00]** 【新名科技发布新品】财联社1月12日电，新名科技今日发布新一代产品。

            **[10:00]** 财联社1月12日电，金风科技（002202.SZ）中标风电项目。

            **[11:00]** 财联社1月12日电，新名科技城建（600998.SH）签约新项目。
            """;
    private static final String APRIL = """
            **[09:00]** 财联社4月3日电，新名科技（688999.SH）公告，拟回购股份。

            **[10:00]** 财联社4月3日电，金风科技（02208.HK）H股大涨。

            **[11:00]** 财联社4月3日电，新名科技城建中标园区工程。
            """;

    private static void day(Path content, String date, String items) throws Exception {
        Files.writeString(content.resolve("CLS_" + date + "_General.md"), "# 财联社【普通】电报 - " + date + "\n"
                + "> 统计周期：" + date + " 05:30 至次日 05:30\n\n---\n\n" + items);
    }

    /** Days that name no company: December's and March's. */
    private static final String NEWS = """
            **[09:00]** 财联社电，某地发布新规。
            """;

    /** @return the months handed to the outputs: the changed ones and those matched again */
    private Set<YearMonth> build(Path content, Path out, boolean full) throws Exception {
        TopicOutput topics = new TopicOutput(List.of(content));
        HandedMonths recorder = new HandedMonths();
        // as the command orders them: the search index is made from the export's chunks
        new SiteBuilder(List.of(new DataExport(), new SearchIndexOutput(topics::topicKeys, topics.settings(), topics.themeNames(), false), topics,
                recorder))
                .build(new SiteBuilder.Options(List.of(content), out, null, new SiteInfo("t", ""), 2, full), (d, t) -> { });
        return recorder.items().keySet();
    }

    private void assertSameAsFullBuild(Path content, Path site, String step) throws Exception {
        Path fresh = dir.resolve("full-" + step);
        build(content, fresh, true);
        SiteTrees.assertSame(SiteTrees.files(fresh, CompanyNamesIncrementalTest::compared),
                SiteTrees.files(site, CompanyNamesIncrementalTest::compared), step);
    }

    /** Published files and the topics' build state (with the names each month taught). */
    private static boolean compared(String name) {
        return !name.startsWith(".telegraph") || name.startsWith(TopicPaths.STATE);
    }

    @Test
    void aNameLearnedInANewMonthReachesOlderMonthsAndLeavesWithIt() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        day(content, "2025-12-10", NEWS);
        day(content, "2026-01-12", JANUARY);
        day(content, "2026-03-02", NEWS);
        Path site = dir.resolve("site");
        build(content, site, false);
        assertFalse(Files.exists(site.resolve("topics/stock/688999-sh.html")), "no code, no page");
        byte[] januaryTopics = Files.readAllBytes(site.resolve(TopicPaths.monthFile(YearMonth.of(2026, 1))));

        day(content, "2026-04-03", APRIL);
        assertEquals(Set.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3), YearMonth.of(2026, 4)),
                build(content, site, false), "January holds the new name and a security with a new share class;"
                        + " March has the new day as its neighbour; December neither");
        Document page = Jsoup.parse(site.resolve("topics/stock/688999-sh.html").toFile(), "UTF-8");
        List<Element> items = page.select(".topic-items li");
        assertEquals(2, items.size(), page.select(".topic-items").text());
        Element january = items.get(1);
        assertTrue(january.text().contains("新名科技发布新品"), january.text());
        assertNotNull(january.selectFirst(".by-name"), "the January item is marked as found by name");
        assertEquals(null, items.get(0).selectFirst(".by-name"), "the coded item is not");
        assertFalse(page.select(".topic-items").text().contains("新名科技城建"), "not inside a longer known name");
        Document longer = Jsoup.parse(site.resolve("topics/stock/600998-sh.html").toFile(), "UTF-8");
        assertNotNull(longer.selectFirst(".topic-items li:contains(中标园区工程) .by-name"), "which is its own company's");
        assertEquals("共 2 条", page.selectFirst("p.meta").text().substring(0, 5));
        Document sz = Jsoup.parse(site.resolve("topics/stock/002202-sz.html").toFile(), "UTF-8");
        assertEquals("02208.HK", sz.select("dl.security dt:contains(同公司其他股份) + dd a").text(), "share classes link");
        assertFalse(java.util.Arrays.equals(januaryTopics,
                Files.readAllBytes(site.resolve(TopicPaths.monthFile(YearMonth.of(2026, 1))))),
                "January, unchanged itself, was matched again");
        assertSameAsFullBuild(content, site, "april-added");

        Files.delete(content.resolve("CLS_2026-04-03_General.md"));
        assertEquals(Set.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3)), build(content, site, false),
                "the names leave January; December is not matched again");
        assertFalse(Files.exists(site.resolve("topics/stock/688999-sh.html")), "the name left with its month");
        assertTrue(Files.readString(site.resolve("topics/stock/600998-sh.html")).contains("签约新项目"));
        assertSameAsFullBuild(content, site, "april-removed");

        day(content, "2025-12-10", NEWS + "\n**[10:00]** 财联社电，金风科技（002202.SZ）公告。\n");
        assertEquals(Set.of(YearMonth.of(2025, 12)), build(content, site, false), "no new name, no other month");
        assertSameAsFullBuild(content, site, "december-grown");
    }
}
