package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;

/**
 * A content folder that is an archive's git repository as it is: day files beside a README, a
 * licence, notes and a workflow. What is not a day file is skipped with one line, and none of its
 * text is published.
 */
class ArchiveRepositoryTest {

    /** The seed: a real day file the repository carries. */
    private static final Path SEED = Path.of("content/CLS_2026-01-06_General.md");
    private static final List<String> SECRETS = List.of("do not redistribute", "All rights reserved by the archivist",
            "下周整理", "cron: '*/5");

    @TempDir
    Path dir;

    private Path repository() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("archive"));
        Files.copy(SEED, repo.resolve(SEED.getFileName()));
        Files.writeString(repo.resolve("README.md"), "# Newspaper\n\n多读书，多看报。Sample only: do not redistribute.\n");
        Files.writeString(repo.resolve("LICENSE"), "All rights reserved by the archivist.\n");
        Files.writeString(repo.resolve("notes.md"), "# 笔记\n\n下周整理一月的数据。\n");
        Path workflows = Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(workflows.resolve("update.yml"), "on:\n  schedule:\n    - cron: '*/5 * * * *'\n");
        return repo;
    }

    private static CommandRun build(Path content, Path site, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--content", content.toString(),
                "--out", site.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void otherFilesAreSkippedWithOneLineAndNoneOfTheirTextIsPublished() throws IOException {
        Path site = dir.resolve("site");
        CommandRun r = build(repository(), site);

        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(BuildOptions.RELATIVE_FEEDS, r.err().strip(), "no problem; only the advice on feeds");
        List<String> skipped = r.out().lines().filter(l -> l.contains("skipped")).toList();
        assertEquals(List.of("  skipped 3 files that are not day files: LICENSE, README.md, notes.md"), skipped);
        assertTrue(r.out().startsWith("built " + site + ": 1 files, 1 days"), r.out());
        for (Map.Entry<String, byte[]> file : SiteTrees.published(site).entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            SECRETS.forEach(secret -> assertFalse(text.contains(secret), secret + " in " + file.getKey()));
        }
        CommandRun export = CommandRun.of("export", "--out", site.toString());
        assertEquals(ExitCodes.OK, export.code(), export.err());
        assertFalse(export.out().isEmpty());
        SECRETS.forEach(secret -> assertFalse(export.out().contains(secret), secret));
    }

    @Test
    void aNewOrChangedOtherFileRebuildsNothingAndTheSiteIsThatOfAFullBuild() throws IOException {
        Path repo = repository();
        Path site = dir.resolve("site");
        assertEquals(ExitCodes.OK, build(repo, site).code());
        Files.writeString(repo.resolve("README.md"), "更新了说明。\n", java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/how.md"), "怎么用\n");

        CommandRun again = build(repo, site);

        assertEquals(ExitCodes.OK, again.code(), again.err());
        assertTrue(again.out().contains("1 days (0 rebuilt)"), again.out());
        assertTrue(again.out().contains("skipped 4 files that are not day files: LICENSE, README.md, docs/how.md, notes.md"),
                again.out());
        Path full = dir.resolve("full");
        assertEquals(ExitCodes.OK, build(repo, full, "--full").code());
        SiteTrees.assertSame(SiteTrees.published(full), SiteTrees.published(site), "after other files changed");
    }

    @Test
    void excludedAndHiddenPathsAreNotReadNorListed() throws IOException {
        Path repo = repository();
        // each named like a day file and damaged, so a problem if it were read
        Files.createDirectories(repo.resolve("drafts"));
        Files.writeString(repo.resolve("drafts/CLS_2026-02-30_General.md"), "草稿\n");
        Files.writeString(repo.resolve("CLS_2026-02-31_Major.md"), "草稿\n");
        Files.writeString(repo.resolve(".CLS_2026-02-30_Major.md"), "隐藏的草稿\n");

        CommandRun r = build(repo, dir.resolve("site"), "--exclude", "drafts", "--exclude", "*-31_*", "--exclude", "LICENSE");

        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("  skipped 2 files that are not day files: README.md, notes.md\n"), r.out());
        assertEquals(ExitCodes.INPUT_PROBLEMS, build(repo, dir.resolve("site2"), "--exclude", "drafts/*").code(),
                "a glob with a slash matches paths from the content folder, so the other draft is read");
    }

    @Test
    void anEmptyContentFolderIsExit2WithOneLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CommandRun r = build(empty, dir.resolve("site"));
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("error: no day file in " + empty, r.err().strip());
        assertFalse(Files.exists(dir.resolve("site/index.html")));
    }

    @Test
    void aFolderOfOtherFilesIsExit2NamingThem() throws IOException {
        Path repo = repository();
        Files.delete(repo.resolve(SEED.getFileName()));
        CommandRun r = build(repo, dir.resolve("site"));
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("error: no day file in " + repo + "; skipped 3 files that are not day files: LICENSE, README.md, notes.md",
                r.err().strip());
    }

    @Test
    void aBadGlobIsExit2WithOneLine() throws IOException {
        CommandRun r = build(repository(), dir.resolve("site"), "--exclude", "[a");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: bad --exclude glob '[a'"), r.err());
    }
}
