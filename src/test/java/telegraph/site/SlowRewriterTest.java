package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.cli.CommandRun;

/**
 * The open day's file as a feed writes it: rewritten from the start every little while, slowly,
 * in pieces that end anywhere (inside an item, inside a character), and longer each time. Builds
 * run all along. Each shows every item it read whole under its final id (at most the one item
 * cut short is new), none twice; once the file is whole, the next build shows every item once
 * and equals a clean full build byte for byte.
 */
@Tag("integration")
class SlowRewriterTest {

    private static final String OPEN = "CLS_2026-01-07_General.md";
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void buildsWhileTheOpenDayIsRewrittenSlowlyEndAsAFullBuild() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        TestCorpus.copyNewspaper("CLS_2026-01-06_General", content);
        byte[] whole = Files.readAllBytes(TestCorpus.newspaperFile(OPEN));
        List<Integer> itemEnds = itemEnds(whole);
        Path open = content.resolve(OPEN);
        Files.write(open, java.util.Arrays.copyOf(whole, itemEnds.get(itemEnds.size() / 4)));

        Path fresh = dir.resolve("fresh");
        Path finalContent = Files.createDirectories(dir.resolve("final"));
        SiteTrees.copy(content, finalContent);
        Files.write(finalContent.resolve(OPEN), whole);
        assertTrue(build(finalContent, fresh).code() <= 1);
        Map<Path, Set<String>> finalIds = ids(fresh);
        Set<String> allIds = new HashSet<>();
        finalIds.values().forEach(allIds::addAll);

        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        java.util.concurrent.Semaphore buildStarted = new java.util.concurrent.Semaphore(0);
        Thread writer = new Thread(() -> {
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    buildStarted.acquire(); // each rewrite begins as a build does, so the two overlap
                    int end = round == ROUNDS ? whole.length
                            : itemEnds.get(itemEnds.size() / 4 + (itemEnds.size() * 3 / 4) * round / ROUNDS);
                    rewriteSlowly(open, whole, end);
                }
            } catch (IOException | InterruptedException e) {
                writerFailed.set(e);
            }
        });
        Path site = dir.resolve("site");
        writer.start();
        int builds = 0;
        int partial = 0;
        List<String> lost = new ArrayList<>();
        while (writer.isAlive()) {
            buildStarted.release();
            CommandRun run = build(content, site);
            builds++;
            assertTrue(run.code() <= 1, "build " + builds + ": exit " + run.code() + ": " + run.err());
            for (Map.Entry<Path, Set<String>> page : ids(site).entrySet()) {
                Set<String> unknown = new HashSet<>(page.getValue());
                unknown.removeAll(allIds);
                partial += unknown.isEmpty() ? 0 : 1;
                if (unknown.size() > 1) {
                    lost.add("build " + builds + ", " + site.relativize(page.getKey()) + ": " + unknown);
                }
            }
        }
        writer.join();
        assertEquals(null, writerFailed.get());
        assertEquals(List.of(), lost, "items read whole keep their final ids; at most the last is cut short");
        assertTrue(builds >= ROUNDS, "builds while the file was rewritten: " + builds + ", " + partial
                + " of them read an item cut short");

        assertTrue(build(content, site).code() <= 1, "the build once the file is whole");
        assertEquals(finalIds, ids(site).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> fresh.resolve(site.relativize(e.getKey())), Map.Entry::getValue)), "every item once, ids unchanged");
        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), "after " + builds + " builds");
    }

    private static CommandRun build(Path content, Path out) {
        return CommandRun.of("build", "--content", content.toString(), "--out", out.toString(), "-q");
    }

    /** Writes the first {@code end} bytes from the start, in pieces of 2 kB with pauses between, as a slow disk would. */
    private static void rewriteSlowly(Path file, byte[] bytes, int end) throws IOException, InterruptedException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int at = 0; at < end; at += 2048) {
                out.write(bytes, at, Math.min(2048, end - at));
                out.flush();
                Thread.sleep(8);
            }
        }
    }

    /** The byte offsets just past each item of a day file: where a growing file may stop between rewrites. */
    private static List<Integer> itemEnds(byte[] bytes) {
        List<Integer> ends = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int from = 0;
        for (int at; (at = text.indexOf("\n\n**[", from)) >= 0; from = at + 2) {
            ends.add(text.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length);
        }
        return ends;
    }

    /** The ids of the items each page shows, but the topic pages and search, which repeat them. */
    private static Map<Path, Set<String>> ids(Path site) throws IOException {
        Map<Path, Set<String>> ids = new HashMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                String relative = site.relativize(page).toString().replace('\\', '/');
                if (relative.startsWith("topics/") || relative.startsWith("search")) {
                    continue;
                }
                List<String> shown = Jsoup.parse(page.toFile(), "UTF-8").select("article.item[id]").eachAttr("id");
                assertEquals(shown.size(), new HashSet<>(shown).size(), relative + " shows an item twice: " + shown);
                if (!shown.isEmpty()) {
                    ids.put(page, new HashSet<>(shown));
                }
            }
        }
        return ids;
    }
}
