package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;
import telegraph.cli.CommandRun;
import telegraph.cli.ExitCodes;
import telegraph.export.ExportFiles;

/**
 * A generated archive of six weeks over three months, built with every output (search, topics, the
 * export): every item is shown once, no link is broken, and a sequence of edits built
 * incrementally stays byte-identical to a full build. What the real-archive tests check on the
 * 50 real files, on data the repository may carry.
 */
class SyntheticArchiveTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 20);
    private static final int DAYS = 42;

    @TempDir
    Path dir;

    private CommandRun build(Path content, Path site, boolean full) {
        return full ? CommandRun.of("build", "--content", content.toString(), "--out", site.toString(), "--full")
                : CommandRun.of("build", "--content", content.toString(), "--out", site.toString());
    }

    private void assertSameAsFullBuild(Path content, Path site, String step) throws Exception {
        Path fresh = dir.resolve("full-" + step);
        assertEquals(ExitCodes.OK, build(content, fresh, true).code());
        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), step);
    }

    @Test
    void everyItemShownOnceNoBrokenLinkAndIncrementalEditsMatchFullBuilds() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        SyntheticDays days = new SyntheticDays();
        int lines = 0;
        int both = 0;
        for (int i = 0; i < DAYS; i++) {
            SyntheticDays.Day day = days.write(FIRST.plusDays(i), 20 + i % 7 * 5, content);
            lines += day.lines();
            both += day.bothChannels();
        }
        Path site = dir.resolve("site");
        CommandRun first = build(content, site, false);
        assertEquals(ExitCodes.OK, first.code(), first.err());
        assertTrue(first.out().contains(DAYS + " days (" + DAYS + " rebuilt)"), first.out());
        java.util.regex.Matcher folded = java.util.regex.Pattern.compile(
                "folded: (\\d+) in both channels, 0 from two archives, (\\d+) earlier versions").matcher(first.out());
        assertTrue(folded.find(), first.out());
        assertEquals(both, Integer.parseInt(folded.group(1)), "each item written to both channels is one item");
        int reposts = Integer.parseInt(folded.group(2));
        assertTrue(reposts > 0, first.out());
        assertEquals(lines - both - reposts, ExportFiles.items(site).size(), "every line an item or a folded copy");
        assertEquals(java.util.List.of(), PageLinks.broken(site));

        Path last = content.resolve("CLS_" + FIRST.plusDays(DAYS - 1) + "_General.md");
        Files.writeString(last, "**[23:59]** 【追加的一条】财联社电，文件在长大。\n\n", StandardOpenOption.APPEND);
        CommandRun grown = build(content, site, false);
        assertTrue(grown.out().contains("(1 rebuilt)"), grown.out());
        assertSameAsFullBuild(content, site, "grown");

        days.write(FIRST.plusDays(DAYS + 10), 12, content);
        CommandRun added = build(content, site, false);
        assertTrue(added.out().contains("(2 rebuilt)"), "the new day and the one before it: " + added.out());
        assertSameAsFullBuild(content, site, "new month");

        Files.delete(content.resolve("CLS_" + FIRST + "_General.md"));
        Files.delete(content.resolve("CLS_" + FIRST + "_Major.md"));
        CommandRun removed = build(content, site, false);
        assertTrue(removed.out().contains("(1 rebuilt)"), "the day after the removed one: " + removed.out());
        assertFalse(Files.exists(site.resolve("2026/01/" + FIRST + ".html")));
        assertSameAsFullBuild(content, site, "removed");

        FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 120_000);
        try (var files = Files.list(content)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, later);
            }
        }
        CommandRun touched = build(content, site, false);
        assertTrue(touched.out().contains("(0 rebuilt)"), "new times, same bytes: " + touched.out());
        long months;
        try (var parts = Files.list(site.resolve(Manifest.PARTS))) {
            months = parts.count();
        }
        assertTrue(touched.out().lines().anyMatch(l -> l.matches("  written: build state [0-9.]+ kB / " + months
                + " files")), "only the manifest's part of each month, with the new times: " + touched.out());
    }
}
