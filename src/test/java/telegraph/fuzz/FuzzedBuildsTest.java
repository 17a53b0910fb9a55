package telegraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.cli.CommandRun;

/**
 * Whole builds of damaged real files of every layout: the build exits 0 or 1 without a stack trace,
 * and the text of every stamped line is shown on a day page or on the problems page (read as a
 * browser shows it, markup aside). A failure names its seed. Huge files: {@link BigFilesBuildTest}.
 */
@Tag("integration")
class FuzzedBuildsTest {

    @TempDir
    Path dir;

    @Test
    void damagedFilesOfEveryLayoutBuildAndShowEveryStampedLine() throws IOException {
        List<FuzzCases.Base> bases = FuzzCases.bases();
        for (long seed : FuzzCases.seeds(9_000, 5)) {
            Mutator mutator = new Mutator(seed);
            Path content = Files.createDirectories(dir.resolve("content-" + seed));
            Map<String, byte[]> files = new LinkedHashMap<>();
            List<String> done = new ArrayList<>();
            for (FuzzCases.Base base : bases) {
                byte[] bytes = mutator.mutate(base.text(), mutator.random().nextInt(30));
                files.put(base.name(), bytes);
                done.add(base.name() + ": " + mutator.done());
                Files.write(content.resolve(base.name()), bytes);
            }
            String what = "seed " + seed + " " + done;
            Path site = dir.resolve("site-" + seed);
            CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", site.toString(), "-q");
            assertTrue(run.code() <= 1, what + ": exit " + run.code() + ": " + run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), what + ": " + run.err());
            assertAllShown(files, site, what);
        }
    }

    /** Every stamped line of every file (but JSON lines: their text is a field) is on a day page or the problems page. */
    static void assertAllShown(Map<String, byte[]> files, Path site, String what) throws IOException {
        String shown = shownText(site);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().endsWith(".jsonl")) {
                continue;
            }
            List<Stamps.Stamp> missing = Stamps.of(file.getValue()).missingFrom(shown);
            assertEquals(List.of(), missing.stream().limit(5).toList(),
                    what + ": " + file.getKey() + ": " + missing.size() + " stamped lines not shown");
        }
    }

    /**
     * The letters and digits of the pages that show items or problems: every page but the topic
     * pages and search, which only repeat what day pages show.
     */
    private static String shownText(Path site) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String relative = site.relativize(page).toString().replace('\\', '/');
                if (relative.startsWith(".telegraph/") || relative.startsWith("topics/") || relative.startsWith("search")) {
                    continue;
                }
                text.append(Stamps.letters(Jsoup.parse(page.toFile(), "UTF-8").text())).append('\n');
            }
        }
        return text.toString();
    }
}
