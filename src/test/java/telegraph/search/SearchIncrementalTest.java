package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.OneOutputBuilds;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.site.BuildReport;

/**
 * The search files of an incremental build equal those of a full build, byte for byte: the
 * token directory is patched for the changed months only, and must come out as a full merge.
 */
@Tag("integration")
class SearchIncrementalTest {

    @TempDir
    Path dir;

    /** With positions (search.md, "Exact totals"), whose rare tokens' positions the directory holds. */
    private boolean positions;

    /** Every file under search/ (shards, text store, directory, its records) and the page. */
    private OneOutputBuilds builds() {
        boolean withPositions = positions;
        return new OneOutputBuilds(content -> new SearchIndexOutput(item -> List.of(), new byte[0], Map.of(), withPositions),
                name -> name.startsWith("search/") || name.equals("search.html"), dir);
    }

    private static void copy(Path content, String name) throws IOException {
        Files.copy(TestCorpus.newspaperFile(name), content.resolve(name));
    }

    /** The first part of a day file, cut at a line end. */
    private static void writeHalf(Path content, String name) throws IOException {
        byte[] whole = Files.readAllBytes(TestCorpus.newspaperFile(name));
        int cut = whole.length / 2;
        while (cut > 0 && whole[cut - 1] != '\n') {
            cut--;
        }
        Files.write(content.resolve(name), Arrays.copyOf(whole, cut));
    }

    private Path startingContent() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        copy(content, "CLS_2025-12-30_General.md");
        copy(content, "CLS_2026-01-05_General.md");
        writeHalf(content, "CLS_2026-01-06_General.md");
        copy(content, "CLS_2026-02-16_Major.md");
        return content;
    }

    @Test
    void growingAddingAndRemovingDaysStaysByteIdenticalToFullBuilds() throws Exception {
        growAddAndRemove();
    }

    @Test
    void soWithPositions() throws Exception {
        positions = true;
        growAddAndRemove();
    }

    private void growAddAndRemove() throws Exception {
        Path content = startingContent();
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "first");
        assertTrue(Files.exists(site.resolve(TokenDirectory.statePath(YearMonth.of(2026, 1)))));

        copy(content, "CLS_2026-01-06_Major.md");
        Files.copy(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"), content.resolve("CLS_2026-01-06_General.md"),
                StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, builds().build(content, site, false).rebuiltDays(), "only the grown day");
        builds().assertSameAsFullBuild(content, site, "grown");

        copy(content, "CLS_2026-03-18_General.md");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "new-month");

        Files.delete(content.resolve("CLS_2025-12-30_General.md"));
        builds().build(content, site, false);
        assertFalse(Files.exists(site.resolve(TokenDirectory.statePath(YearMonth.of(2025, 12)))),
                "a removed month's record goes");
        assertFalse(Files.exists(site.resolve(TokenDirectory.path(YearMonth.of(2025, 12)))), "and its token list");
        builds().assertSameAsFullBuild(content, site, "month-removed");

        Files.delete(content.resolve("CLS_2026-01-05_General.md"));
        Files.delete(content.resolve("CLS_2026-01-06_Major.md"));
        writeHalf(content, "CLS_2026-01-06_General.md");
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "shrunk");
    }

    /**
     * What a build killed while patching the directory leaves: the changed month's new files,
     * its record marking the buckets being rewritten, and only some of them rewritten. The next
     * build (the month is still dirty, the manifest being written last) repairs it.
     */
    @Test
    void aBuildKilledWhilePatchingTheDirectoryIsRepaired() throws Exception {
        Path content = startingContent();
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        Path before = dir.resolve("before");
        SiteTrees.copy(site, before);

        Files.copy(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"), content.resolve("CLS_2026-01-06_General.md"),
                StandardCopyOption.REPLACE_EXISTING);
        builds().build(content, site, false);
        Path after = dir.resolve("after");
        SiteTrees.copy(site, after);

        // the killed site: the old one, with the month's new files and half the changed buckets
        String month = "search/2026-01/";
        String record = TokenDirectory.statePath(YearMonth.of(2026, 1));
        long[] old = longs(before.resolve(record));
        long[] now = longs(after.resolve(record));
        long[] marked = old.clone();
        int changed = 0;
        for (int b = 0; b < old.length; b++) {
            if (old[b] != now[b]) {
                marked[b] = TokenDirectory.DIRTY;
                if (changed++ % 2 == 0) {
                    String bucket = "search/dir/" + b + ".js";
                    Files.copy(after.resolve(bucket), before.resolve(bucket), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertTrue(changed > 0, "the grown day changes some buckets");
        try (Stream<Path> walk = Files.walk(after.resolve(month))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = before.resolve(after.relativize(p));
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(marked.length * Long.BYTES);
        buffer.asLongBuffer().put(marked);
        Files.write(before.resolve(record), buffer.array());
        builds().build(content, before, false);
        builds().assertSameAsFullBuild(content, before, "killed-while-patching");

        // killed during a full merge: the marker is left, and the next build merges everything
        builds().assertKilledFullUpdateIsRedone(content, before, TokenDirectory.FULL_MERGE_MARKER, "search/dir/7.js",
                "telegraphSearchData(\"dir/7\",{});\n", "killed-in-full-merge");
    }

    /** An output written before the directory kept records is merged in full once, then patched. */
    @Test
    void anOutputWithoutRecordsIsMergedInFull() throws Exception {
        Path content = startingContent();
        Path site = dir.resolve("site");
        builds().build(content, site, false);
        SiteTrees.delete(site.resolve(TokenDirectory.STATE_DIR));
        Files.writeString(site.resolve("search/dir/7.js"), "telegraphSearchData(\"dir/7\",{});\n");
        Files.copy(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"), content.resolve("CLS_2026-01-06_General.md"),
                StandardCopyOption.REPLACE_EXISTING);
        builds().build(content, site, false);
        builds().assertSameAsFullBuild(content, site, "records-restored");
    }

    private static long[] longs(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }
}
