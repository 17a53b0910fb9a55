package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.OneOutputBuilds;
import telegraph.SiteTrees;
import telegraph.TestCorpus;

/** Topic pages and feeds of an incremental build equal those of a full build, byte for byte. */
@Tag("integration")
class TopicIncrementalTest {

    @TempDir
    Path dir;

    /** Topic pages and feeds, their build state, and the day pages (which carry the topic chips). */
    private OneOutputBuilds builds() {
        return new OneOutputBuilds(content -> new TopicOutput(List.of(content)), name -> name.startsWith("topics/")
                || name.startsWith(TopicPaths.STATE) || name.endsWith("feed.xml") || name.matches("\\d{4}/.*"), dir);
    }

    private static void copy(Path content, String name) throws IOException {
        Files.copy(TestCorpus.newspaperFile(name), content.resolve(name));
    }

    @Test
    void editsAndThemeChangesStayByteIdenticalToFullBuilds() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("topics.yml"),
                "themes:\n  - {name: 英伟达, slug: nvidia, keywords: [英伟达, NVIDIA, 黄仁勋]}\n");
        copy(content, "CLS_2025-12-30_General.md");
        copy(content, "CLS_2026-01-05_General.md");
        byte[] grown = Files.readAllBytes(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"));
        Files.write(content.resolve("CLS_2026-01-06_General.md"), Arrays.copyOf(grown, cutAtLine(grown)));
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "first");

        Files.write(content.resolve("CLS_2026-01-06_General.md"), grown);
        assertEquals(1, builds().build(content, site, false).rebuiltDays(), "only the grown day");
        builds().assertSameAsFullBuild(content, site, "grown");

        Files.delete(content.resolve("CLS_2025-12-30_General.md"));
        builds().build(content, site, false);
        assertFalse(Files.exists(site.resolve(TopicPaths.monthFile(YearMonth.of(2025, 12)))),
                "a removed month's file goes");
        builds().assertSameAsFullBuild(content, site, "month-removed");

        Files.writeString(content.resolve("topics.yml"),
                "themes:\n  - {name: 美联储, slug: fed, keywords: [美联储, 鲍威尔]}\n");
        assertEquals(2, builds().build(content, site, false).rebuiltDays(), "a theme change rebuilds every day");
        assertFalse(Files.exists(site.resolve("topics/theme/nvidia.html")), "a removed theme's pages go");
        assertFalse(Files.exists(site.resolve("topics/theme/nvidia.xml")), "and its feed");
        assertTrue(Files.exists(site.resolve("topics/theme/fed.html")));
        builds().assertSameAsFullBuild(content, site, "themes-changed");
    }

    /**
     * The jar's themes, so that topics of every kind occur, some in one month only, and a theme
     * of every item, big enough for year pages.
     */
    private Path contentWithThemes() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.write(content.resolve("topics.yml"), ThemeSource.jarDefault().bytes());
        Files.writeString(content.resolve("topics.yml"), "  - {name: 全部, slug: all, keywords: [财联社]}\n",
                java.nio.file.StandardOpenOption.APPEND);
        return content;
    }

    private static void writeHalf(Path content, String name) throws IOException {
        byte[] whole = Files.readAllBytes(TestCorpus.newspaperFile(name));
        Files.write(content.resolve(name), Arrays.copyOf(whole, cutAtLine(whole)));
    }

    private static void restore(Path content, String name) throws IOException {
        Files.copy(TestCorpus.newspaperFile(name), content.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Edits that leave most months alone, so the pages spanning months are updated from the
     * changed months only: a day growing in the newest month and in an older one, a new day, a
     * new month, a month removed, a day shrinking (topics lose mentions, some vanish).
     */
    @Test
    void updatesFromChangedMonthsStayByteIdenticalToFullBuilds() throws Exception {
        Path content = contentWithThemes();
        copy(content, "CLS_2025-12-15_General.md");
        writeHalf(content, "CLS_2025-12-30_General.md");
        copy(content, "CLS_2026-01-05_General.md");
        writeHalf(content, "CLS_2026-01-06_General.md");
        copy(content, "CLS_2026-02-16_Major.md");
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "first");
        assertTrue(Files.exists(site.resolve(TopicStore.INDEX)));
        assertTrue(Files.exists(site.resolve("topics/theme/all.2025.html")), "a big topic has year pages");
        assertTrue(Files.exists(site.resolve("topics/theme/all.2026.html")));

        restore(content, "CLS_2026-01-06_General.md");
        assertEquals(1, builds().build(content, site, false).rebuiltDays(), "only the grown day");
        builds().assertSameAsFullBuild(content, site, "grown");

        restore(content, "CLS_2025-12-30_General.md");
        assertEquals(1, builds().build(content, site, false).rebuiltDays(), "only the grown day");
        builds().assertSameAsFullBuild(content, site, "older-month-grown");

        copy(content, "CLS_2026-02-16_General.md");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "newest-day-grown");

        copy(content, "CLS_2026-03-18_Major.md");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "new-month");

        Files.delete(content.resolve("CLS_2025-12-15_General.md"));
        Files.delete(content.resolve("CLS_2025-12-30_General.md"));
        builds().build(content, site, false);
        assertFalse(Files.exists(site.resolve(TopicStore.recordPath(YearMonth.of(2025, 12)))));
        assertFalse(Files.exists(site.resolve("topics/theme/all.2025.html")), "a year without items goes");
        builds().assertSameAsFullBuild(content, site, "month-removed");

        writeHalf(content, "CLS_2026-01-06_General.md");
        Files.delete(content.resolve("CLS_2026-01-05_General.md"));
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "shrunk");

        Files.delete(content.resolve("CLS_2026-03-18_Major.md"));
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "newest-month-removed");
    }

    /**
     * The states of all topics are a few packed files, one per kind; a damaged pack, or the one
     * file per topic an older build kept, makes the next build redo the topic pages in full.
     */
    @Test
    void damagedOrOldStateMeansAFullTopicUpdate() throws Exception {
        Path content = contentWithThemes();
        copy(content, "CLS_2025-12-30_General.md");
        writeHalf(content, "CLS_2026-01-05_General.md");
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        List<String> packs;
        try (Stream<Path> files = Files.list(site.resolve(TopicStore.STATES))) {
            packs = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("column.json.gz", "source.json.gz", "stock.json.gz", "theme.json.gz"), packs);

        Files.writeString(site.resolve(TopicStore.packPath(TopicKind.THEME)), "not gzip");
        restore(content, "CLS_2026-01-05_General.md");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "damaged-pack");

        Path old = site.resolve(TopicStore.DIR + "topics/theme/all.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        for (TopicKind kind : TopicKind.values()) {
            Files.deleteIfExists(site.resolve(TopicStore.packPath(kind)));
        }
        copy(content, "CLS_2026-01-06_General.md");
        builds().build(content, site, false);
        assertFalse(Files.exists(old), "a full update removes the old layout's states");
        builds().assertSameAsFullBuild(content, site, "old-layout");
    }

    /**
     * What a build killed while updating the pages that span months leaves: the changed month's
     * own files, its record marking the touched topics, some of their states and pages new and
     * some old, the index old. The next build (the month is still dirty: the manifest is written
     * last) repairs it, even when the month changed again meanwhile; so does one killed during a
     * full update.
     */
    @Test
    void aBuildKilledWhileUpdatingTopicPagesIsRepaired() throws Exception {
        Path content = contentWithThemes();
        copy(content, "CLS_2025-12-30_General.md");
        copy(content, "CLS_2026-01-05_General.md");
        writeHalf(content, "CLS_2026-01-06_General.md");
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        Path before = dir.resolve("before");
        SiteTrees.copy(site, before);
        restore(content, "CLS_2026-01-06_General.md");
        builds().build(content, site, false);

        Map<String, byte[]> old = builds().files(before);
        Map<String, byte[]> now = builds().files(site);
        String record = TopicStore.recordPath(YearMonth.of(2026, 1));
        int changed = 0;
        for (Map.Entry<String, byte[]> e : now.entrySet()) {
            String name = e.getKey();
            boolean monthOwn = name.startsWith(TopicPaths.MONTHS) || name.matches("\\d{4}/.*");
            if (!Arrays.equals(e.getValue(), old.get(name)) && !name.equals(record) && !name.equals(TopicStore.INDEX)
                    && (monthOwn || changed++ % 2 == 0)) {
                Files.createDirectories(before.resolve(name).getParent());
                Files.write(before.resolve(name), e.getValue());
            }
        }
        assertTrue(changed > 2, "the grown day changes some topics");
        String oldRecord = Files.readString(before.resolve(record));
        String newRecord = Files.readString(site.resolve(record));
        Files.writeString(before.resolve(record), markDirty(oldRecord, newRecord));
        Files.writeString(before.resolve(".telegraph/building"), "killed");
        // and before the next build, the day changes again: it must redo what the killed one did
        writeHalf(content, "CLS_2026-01-06_General.md");
        copy(content, "CLS_2026-01-07_Major.md");
        builds().build(content, before, false);
        builds().assertSameAsFullBuild(content, before, "killed-while-updating");

        builds().assertKilledFullUpdateIsRedone(content, before, TopicStore.FULL_MARKER, "topics/index.html",
                "half a directory", "killed-in-full-update");
    }

    /** The old record with every topic whose hash differs from the new record's marked dirty. */
    private static String markDirty(String oldRecord, String newRecord) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        TopicStore.MonthRecord old = json.readValue(oldRecord, TopicStore.MonthRecord.class);
        TopicStore.MonthRecord now = json.readValue(newRecord, TopicStore.MonthRecord.class);
        Map<String, TopicStore.RecordEntry> marked = new TreeMap<>();
        old.topics().forEach(e -> marked.put(e.kind() + " " + e.key(), e));
        for (TopicStore.RecordEntry e : now.topics()) {
            TopicStore.RecordEntry before = marked.get(e.kind() + " " + e.key());
            if (before == null || !before.hash().equals(e.hash())) {
                marked.put(e.kind() + " " + e.key(), new TopicStore.RecordEntry(e.kind(), e.key(), e.slug(),
                        TopicStore.DIRTY));
            }
        }
        return json.writeValueAsString(new TopicStore.MonthRecord(List.copyOf(marked.values())));
    }

    /**
     * A topic that grows past one page gets year pages, and loses them when it shrinks back; its
     * feed and page stay. Every state equals a full build.
     */
    @Test
    void aTopicGrowingPastOnePageGetsYearPagesAndLosesThemWhenItShrinks() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("topics.yml"), "themes:\n  - {name: 全部, slug: all, keywords: [财联社]}\n");
        String day = "CLS_2026-01-06_General.md";
        byte[] whole = Files.readAllBytes(TestCorpus.newspaperFile(day));
        byte[] quarter = Arrays.copyOf(whole, cutAtLine(whole, 4));
        Files.write(content.resolve(day), quarter);
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        assertTrue(Files.exists(site.resolve("topics/theme/all.html")));
        assertFalse(Files.exists(site.resolve("topics/theme/all.2026.html")), "a small topic has one page");
        builds().assertSameAsFullBuild(content, site, "small");

        Files.write(content.resolve(day), whole);
        builds().build(content, site, false);
        assertTrue(Files.exists(site.resolve("topics/theme/all.2026.html")), "grown past one page");
        builds().assertSameAsFullBuild(content, site, "big");

        Files.write(content.resolve(day), quarter);
        builds().build(content, site, false);
        assertFalse(Files.exists(site.resolve("topics/theme/all.2026.html")), "shrunk back to one page");
        assertTrue(Files.exists(site.resolve("topics/theme/all.xml")));
        builds().assertSameAsFullBuild(content, site, "small-again");
    }

    /**
     * A big topic's year of more than {@link TopicTotals#YEAR_PAGE_ITEMS} items gets a page per
     * month instead of its year page, and a day growing in one month rewrites that month's page
     * only; the year page comes back when the year shrinks. Every state equals a full build.
     */
    @Test
    void aBusyYearIsCutIntoMonthPagesAndAGrowingDayRewritesItsMonthOnly() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("topics.yml"), "themes:\n  - {name: 全部, slug: all, keywords: [财联社]}\n");
        List<String> busy = List.of("CLS_2026-01-07_General.md", "CLS_2026-01-08_General.md",
                "CLS_2026-01-09_General.md");
        copy(content, "CLS_2026-01-05_General.md");
        copy(content, "CLS_2026-02-16_General.md");
        Path site = dir.resolve("site");
        Path year = site.resolve("topics/theme/all.2026.html");
        Path january = site.resolve("topics/theme/all.2026-01.html");
        Path february = site.resolve("topics/theme/all.2026-02.html");
        builds().build(content, site, false);
        assertTrue(Files.exists(year), "a year of few items has one page");
        assertFalse(Files.exists(january));
        builds().assertSameAsFullBuild(content, site, "one-year-page");

        for (String name : busy) {
            copy(content, name);
        }
        writeHalf(content, "CLS_2026-01-06_General.md");
        builds().build(content, site, false);
        assertFalse(Files.exists(year), "a busy year's page goes");
        assertTrue(Files.exists(january) && Files.exists(february), "its months have pages");
        String topicPage = Files.readString(site.resolve("topics/theme/all.html"));
        assertTrue(topicPage.contains("href=\"all.2026-01.html\"") && !topicPage.contains("href=\"all.2026.html\""),
                "the topic page links the months");
        builds().assertSameAsFullBuild(content, site, "month-pages");

        Object februaryKey = Files.readAttributes(february, BasicFileAttributes.class).fileKey();
        FileTime februaryTime = Files.getLastModifiedTime(february);
        byte[] januaryBefore = Files.readAllBytes(january);
        restore(content, "CLS_2026-01-06_General.md");
        builds().build(content, site, false);
        assertFalse(Arrays.equals(januaryBefore, Files.readAllBytes(january)), "the grown day's month lists its new items");
        assertEquals(februaryKey, Files.readAttributes(february, BasicFileAttributes.class).fileKey(),
                "another month's page is not replaced");
        assertEquals(februaryTime, Files.getLastModifiedTime(february), "nor rewritten");
        builds().assertSameAsFullBuild(content, site, "january-grown");

        for (String name : busy) {
            Files.delete(content.resolve(name));
        }
        writeHalf(content, "CLS_2026-01-06_General.md");
        builds().build(content, site, false);
        assertTrue(Files.exists(year), "the year shrank back to one page");
        assertFalse(Files.exists(january) || Files.exists(february), "its month pages go");
        builds().assertSameAsFullBuild(content, site, "one-year-page-again");
    }

    @Test
    void hostileThemesBuildOnlyInsideTheOutputFolder() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        copy(content, "CLS_2026-01-06_General.md");
        Files.writeString(content.resolve("topics.yml"), "themes:\n"
                + "  - {name: '../../../escape', slug: '../../../escape', keywords: [财联社]}\n"
                + "  - {name: '<script>alert(1)</script>', slug: '/etc/passwd', keywords: [央视]}\n"
                + "  - {name: 'a:b c🚀', keywords: [美国]}\n");
        Path site = dir.resolve("out/site");
        builds().build(content, site, true);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> outside = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(site) && !p.startsWith(content)).toList();
            assertEquals(List.of(), outside);
        }
        try (Stream<Path> themes = Files.list(site.resolve("topics/theme"))) {
            assertEquals(3, themes.filter(p -> p.getFileName().toString().matches("[^.]+\\.html")).count());
        }
        String directory = Files.readString(site.resolve("topics/index.html"));
        assertFalse(directory.contains("<script>alert"), "names are escaped");
        assertTrue(directory.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    private static int cutAtLine(byte[] bytes) {
        return cutAtLine(bytes, 2);
    }

    /** The end of the line that holds the {@code 1/parts} point of the bytes. */
    private static int cutAtLine(byte[] bytes, int parts) {
        int cut = bytes.length / parts;
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        return cut;
    }
}
