package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which themes a build uses, as the summary tells it: the jar's, the content folder's, or --topics FILE. */
class TopicsOptionTest {

    private static final String DAY = "# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n"
            + "**[09:30]** 【英伟达发布新芯片】财联社1月6日电，英伟达发布新芯片，黄金价格上涨。\n";

    @TempDir
    Path dir;

    @Test
    void aFolderWithoutTopicsYmlGetsTheDefaultThemes() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2026-01-06_General.md"), DAY);
        CommandRun r = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  themes: jar:default \\(\\d+ themes\\)")), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("site/topics/theme/nvidia.html")), "a default theme's page");
    }

    @Test
    void topicsFileNamesTheThemesAndAMissingOneIsExit2() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2026-01-06_General.md"), DAY);
        Path themes = Files.writeString(dir.resolve("mine.yml"), "themes:\n  - {name: 黄金, slug: gold, keywords: [黄金]}\n");
        CommandRun r = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                "--topics", themes.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("  themes: " + themes + " (1 theme)"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("site/topics/theme/gold.html")));
        assertFalse(Files.exists(dir.resolve("site/topics/theme/nvidia.html")), "the file replaces the default");

        CommandRun missing = CommandRun.of("build", "--content", content.toString(), "--out",
                dir.resolve("site2").toString(), "--topics", dir.resolve("none.yml").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertEquals("error: " + dir.resolve("none.yml") + ": no such themes file (--topics)", missing.err().strip());
    }
}
