package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.ExportFiles;

/** {@code export}: the archive, or a month, as JSON Lines on standard output, equal to the export read back. */
class ExportCommandTest {

    private static final String HEAD = "# 财联社【普通】电报 - %s\n> 统计周期：%s 05:30 至次日 05:30\n\n---\n\n";

    @TempDir
    Path dir;

    private Path site() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("a.md"), String.format(HEAD, "2026-01-31", "2026-01-31")
                + "**[09:00]** 【一月】财联社1月31日电，贵州茅台(600519.SH)公告。\n\n**[23:50]** 二。\n");
        Files.writeString(content.resolve("b.md"), String.format(HEAD, "2026-02-02", "2026-02-02") + "**[09:00]** 三。\n");
        Path site = dir.resolve("site");
        CommandRun built = CommandRun.of("build", "--content", content.toString(), "--out", site.toString());
        assertEquals(0, built.code(), built.err());
        return site;
    }

    private static List<JsonNode> parse(String lines) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(lines).forEachRemaining(items::add);
        return items;
    }

    @Test
    void printsEveryItemAsTheExportHoldsIt() throws IOException {
        Path site = site();
        CommandRun all = CommandRun.of("export", "--out", site.toString());
        assertEquals(0, all.code(), all.err());
        List<JsonNode> items = parse(all.out());
        assertEquals(ExportFiles.items(site), items);
        assertEquals(3, items.size());
        assertEquals(3, all.out().lines().count(), "one item a line");
        assertEquals("600519.SH", items.get(0).get("stocks").get(0).get("code").asText());

        CommandRun february = CommandRun.of("export", "--out", site.toString(), "--month", "2026-02");
        assertEquals(0, february.code(), february.err());
        assertEquals(items.subList(2, 3), parse(february.out()));
    }

    @Test
    void aMissingSiteOrMonthIsOneLineAndNonZero() throws IOException {
        CommandRun none = CommandRun.of("export", "--out", dir.resolve("nope").toString());
        assertEquals(ExitCodes.FAILED, none.code());
        assertTrue(none.err().strip().startsWith("error: no export in "), none.err());
        assertEquals(1, none.err().strip().lines().count());
        assertEquals("", none.out());

        CommandRun month = CommandRun.of("export", "--out", site().toString(), "--month", "2025-07");
        assertEquals(ExitCodes.USAGE, month.code());
        assertTrue(month.err().contains("no month 2025-07 (it has 2026-01, 2026-02)"), month.err());
        assertFalse(month.err().contains("Exception"));
    }
}
