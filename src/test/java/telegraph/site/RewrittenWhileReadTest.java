package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.SiteTrees;
import telegraph.render.SiteInfo;

/**
 * A day file rewritten between the moment the build plans with it and the moment it parses it,
 * as the open day's file is every few minutes: the build shows what it parsed, and the next build
 * shows the file whole, even when the file is back to the very bytes the first build planned with.
 */
class RewrittenWhileReadTest {

    @TempDir
    Path dir;

    private static String day(String date, int items) {
        return DayText.of(date, items, i -> String.format("**[%02d:%02d]** 【第%d条标题】财联社电，正文内容第%d条，说明一些事情。",
                6 + i, 10 + i, i, i));
    }

    private BuildReport build(Path content, Path out, boolean full, SiteBuilder.Progress progress) throws Exception {
        return new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(List.of(content), out, null,
                new SiteInfo("t", ""), 1, full), progress);
    }

    private static Set<String> ids(Path page) throws Exception {
        Set<String> ids = new TreeSet<>();
        Jsoup.parse(page.toFile(), "UTF-8").select("article.item[id]").forEach(a -> ids.add(a.id()));
        return ids;
    }

    @Test
    void aFileCutShortWhileReadLosesNoEarlierItemAndTheNextBuildShowsItWhole() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("CLS_2026-01-06_General.md"), day("2026-01-06", 3));
        Path open = content.resolve("CLS_2026-01-07_General.md");
        byte[] whole = day("2026-01-07", 6).getBytes(StandardCharsets.UTF_8);
        Files.write(open, whole);
        Path fresh = dir.resolve("fresh");
        build(content, fresh, true, (done, total) -> { });
        Set<String> allIds = ids(fresh.resolve("2026/01/2026-01-07.html"));
        assertEquals(6, allIds.size());

        // cut inside the fifth item, in the middle of a three-byte character
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.substring(0, text.indexOf("**[10:14]**") + 30).getBytes(StandardCharsets.UTF_8).length + 1;
        Path site = dir.resolve("site");
        // days are built in date order on one thread: the 6th is done before the 7th is read
        BuildReport cutShort = build(content, site, false, (done, total) -> {
            if (done == 1) {
                rewrite(open, Arrays.copyOf(whole, cut));
            }
        });
        assertTrue(cutShort.problems().stream().anyMatch(p -> p.toString().startsWith("CLS_2026-01-07_General.md:")
                && p.toString().contains("ends in the middle of a character")), cutShort.problems().toString());
        Set<String> shown = ids(site.resolve("2026/01/2026-01-07.html"));
        Set<String> earlier = new TreeSet<>(shown);
        earlier.retainAll(allIds);
        assertEquals(4, earlier.size(), "the four whole items keep their ids: " + shown);
        assertEquals(5, shown.size(), "and the fifth is shown as far as it was read: " + shown);

        // back to the bytes the build planned with: only their hash says the day page is not theirs
        rewrite(open, whole);
        build(content, site, false, (done, total) -> { });
        assertEquals(allIds, ids(site.resolve("2026/01/2026-01-07.html")));
        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), "after the file was whole again");
    }

    private static void rewrite(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
