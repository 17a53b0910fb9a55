package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.render.SiteInfo;

/**
 * A build reads each day file whole once: planning reads only the heads, for their dates, and
 * the bytes parsed are the bytes hashed into the manifest. Bytes read are counted by the kernel
 * ({@code rchar} in {@code /proc/self/io}, Linux), so the test sees every read, whoever makes it.
 */
class ReadOnceTest {

    @TempDir
    Path dir;

    private static String day(String date, int items) {
        return DayText.of(date, items, i -> String.format("**[%02d:%02d]** 【%s第%d条标题】财联社电，正文内容第%d条，说明一些不同的事情%d。",
                6 + i / 60 % 18, i % 60, date, i, i, i * 7919 % 1000));
    }

    private static long bytesRead() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        throw new IllegalStateException("no rchar in /proc/self/io");
    }

    private static void build(Path content, Path site) throws Exception {
        build(content, site, DayCache.none(), false);
    }

    private static BuildReport build(Path content, Path site, DayCache parsed, boolean full) throws Exception {
        return new SiteBuilder(List.of(new DataExport()), parsed).build(new SiteBuilder.Options(List.of(content), site, null,
                new SiteInfo("t", ""), 1, full), (done, total) -> { });
    }

    /** Twelve days of one month, 1,500 items each; returns their total size. */
    private static long writeMonth(Path content, List<InputFile> files) throws IOException {
        long size = 0;
        for (int d = 1; d <= 12; d++) {
            String date = String.format("2026-01-%02d", d);
            Path file = content.resolve("CLS_" + date + "_General.md");
            Files.writeString(file, day(date, 1500));
            files.add(new InputFile(file, file.getFileName().toString()));
            size += Files.size(file);
        }
        return size;
    }

    @Test
    void planningReadsHeadsAndTheBuildReadsEachFileOnce() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        List<InputFile> files = new ArrayList<>();
        long size = writeMonth(content, files);
        assertTrue(size > 2_000_000, "day files of " + size + " bytes");

        InputStates.of(files.subList(0, 1), Map.of()); // loads the readers' classes, which reads jars
        long before = bytesRead();
        Map<String, Manifest.FileState> planned = InputStates.of(files, Map.of());
        long planning = bytesRead() - before;
        assertTrue(planning < 12 * 8192, "planning read " + planning + " bytes of " + size);
        planned.values().forEach(s -> assertEquals(InputStates.UNREAD, s.sha256(), "not hashed before parsed"));

        // the first build loads the classes of the rest of the pipeline; the second, into a new
        // folder, plans and parses every file again
        build(content, dir.resolve("warm-up"));
        Path site = dir.resolve("site");
        before = bytesRead();
        build(content, site);
        long build = bytesRead() - before;
        assertTrue(build < size + size / 4, "the build read " + build + " bytes; the day files have " + size);
        Manifest manifest = Manifest.load(site);
        for (InputFile f : files) {
            assertEquals(Fingerprint.sha256(Files.readAllBytes(f.path())), manifest.files().get(f.name()).sha256(),
                    "the manifest holds the hash of the bytes parsed");
        }
    }

    /**
     * With the days kept by the builds before it (as {@code watch} keeps them), a rebuild after one
     * day's file grew reads that file, not the month's other days, which its outputs need too; a
     * one-shot build reads them all again. Both give the bytes of a full build.
     */
    @Test
    void aGrownDayWithKeptDaysReadsThatDaysFileOnly() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        List<InputFile> files = new ArrayList<>();
        long size = writeMonth(content, files);
        Path grown = files.get(files.size() - 1).path();
        DayCache parsed = DayCache.ofRecent(DayCache.RECENT_ITEMS);
        Path warm = dir.resolve("warm");
        Path cold = dir.resolve("cold");
        build(content, warm, parsed, false);
        build(content, cold, DayCache.none(), false);

        Files.writeString(grown, "\n**[23:58]** 【又一条】财联社电，追加的一条。\n", java.nio.file.StandardOpenOption.APPEND);
        long before = bytesRead();
        BuildReport rebuilt = build(content, warm, parsed, false);
        long warmRead = bytesRead() - before;
        before = bytesRead();
        build(content, cold, DayCache.none(), false);
        long coldRead = bytesRead() - before;

        assertEquals(List.of(java.time.LocalDate.parse("2026-01-12")), rebuilt.rebuilt());
        // both read the same state and output files (to write only what changed); the one-shot
        // build reads the eleven unchanged days' files besides
        long unchanged = size - Files.size(grown);
        assertTrue(coldRead - warmRead > unchanged * 9 / 10, "the rebuild with kept days read " + warmRead
                + " bytes, the one-shot one " + coldRead + "; the unchanged days' files have " + unchanged);
        Path full = dir.resolve("full");
        build(content, full, DayCache.none(), true);
        telegraph.SiteTrees.assertSame(telegraph.SiteTrees.published(full), telegraph.SiteTrees.published(warm), "warm");
        telegraph.SiteTrees.assertSame(telegraph.SiteTrees.published(full), telegraph.SiteTrees.published(cold), "cold");
    }
}
