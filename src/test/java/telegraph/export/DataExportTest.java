package telegraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.render.DayFiles;
import telegraph.render.SiteInfo;
import telegraph.site.SiteBuilder;

/** The JSON export: one gzip JSON Lines file per month and an index, the same bytes every time. */
class DataExportTest {

    @TempDir
    Path dir;

    private Path content() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2025-12-31_General.md"), DayFiles.newspaper("2025-12-31", "普通",
                "**[23:59]** 【年末】财联社12月31日电，一年结束。 (新华社)\n\n**[00:10]** 财联社1月1日电，新年第一条。\n\n"));
        Files.writeString(content.resolve("CLS_2026-01-02_General.md"), DayFiles.newspaper("2026-01-02", "普通",
                "**[09:00]** 【贵州茅台】贵州茅台(600519.SH)公告。\n\n"));
        Files.writeString(content.resolve("CLS_2026-01-02_Major.md"), DayFiles.newspaper("2026-01-02", "重磅",
                "**[10:00]** 🔴 **【重磅】财联社1月2日电，大事。**\n\n"));
        return content;
    }

    private static void build(Path content, Path out) throws Exception {
        new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(List.of(content), out, null, new SiteInfo("t", ""), 2,
                true), (d, t) -> { });
    }

    @Test
    void eachMonthIsChunksOfItemLinesListedInTheIndex() throws Exception {
        Path site = dir.resolve("site");
        build(content(), site);
        JsonNode index = ExportFiles.index(site);
        assertEquals(4, index.get("items").asInt());
        assertEquals(List.of("2025-12", "2026-01"), index.get("months").findValuesAsText("month"));
        assertEquals(List.of("2025-12/0.js", "2026-01/0.js"), index.get("months").findValuesAsText("file"));
        assertTrue(Files.isRegularFile(site.resolve("data/2025-12/0.js")));

        List<JsonNode> items = ExportFiles.items(site);
        assertEquals(List.of("2025-12-31", "2025-12-31", "2026-01-02", "2026-01-02"),
                items.stream().map(i -> i.get("date").asText()).toList());
        JsonNode first = items.get(0);
        assertEquals("2025-12-31T23:59:00+08:00", first.get("time").asText());
        assertEquals("年末", first.get("title").asText());
        assertEquals("财联社12月31日电，", first.get("dateline").asText());
        assertEquals("一年结束。", first.get("body").asText());
        assertEquals("新华社", first.get("source").asText());
        assertEquals("[\"general\"]", first.get("channels").toString());
        assertFalse(first.has("raw"), "the text as read is the cleaned text: not written twice");
        assertFalse(first.has("versions") || first.has("truncated") || first.has("stocks"), "empty fields left out");
        assertEquals("2026-01-01T00:10:00+08:00", items.get(1).get("time").asText(), "past midnight");
        assertEquals("600519.SH", items.get(2).get("stocks").get(0).get("code").asText());
        JsonNode red = items.get(3);
        assertEquals("A", red.get("level").asText());
        assertEquals("🔴 **【重磅】财联社1月2日电，大事。**", red.get("raw").asText(), "raw kept where it differs");
        assertEquals(2, ExportFiles.chunk(site.resolve("data/2025-12/0.js")).size(), "one line per item");
        JsonNode december = index.get("months").get(0).get("days");
        assertEquals(1, december.size(), "the index lists the month's days");
        assertEquals("[\"CLS_2025-12-31_General.md\"]", december.get(0).get("files").toString());
    }

    @Test
    void sameDaysGiveTheSameBytesWithNoTimeInTheGzipHeader() throws Exception {
        Path content = content();
        build(content, dir.resolve("a"));
        Thread.sleep(1100);
        build(content, dir.resolve("b"));
        String chunk = Files.readString(dir.resolve("a/data/2026-01/0.js"));
        assertEquals(chunk, Files.readString(dir.resolve("b/data/2026-01/0.js")));
        assertTrue(chunk.startsWith("telegraphData(\"2026-01/0\",\"") && chunk.endsWith("\");\n"), chunk);
        byte[] a = java.util.Base64.getDecoder().decode(chunk.substring("telegraphData(\"2026-01/0\",\"".length(), chunk.length() - 4));
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(a, 8),
                "gzip magic, deflate, no flags, modification time 0");
    }

    @Test
    void aRemovedMonthAndFilesOfAnEarlierLayoutLeaveTheExport() throws Exception {
        Path content = content();
        Path site = dir.resolve("site");
        build(content, site);
        Files.delete(content.resolve("CLS_2025-12-31_General.md"));
        Path oldLayout = Files.createDirectories(site.resolve("data/2026/01")).resolve("2026-01-02.json");
        Files.writeString(oldLayout, "{}");
        new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(List.of(content), site, null, new SiteInfo("t", ""), 2,
                false), (d, t) -> { });
        assertFalse(Files.exists(site.resolve("data/2025-12")));
        assertFalse(Files.exists(site.resolve("data/2026")), "an earlier layout's day files go too");
        assertEquals(List.of("2026-01"), ExportFiles.index(site).get("months").findValuesAsText("month"));
    }
}
