package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import telegraph.TestCorpus;
import telegraph.model.Item;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;

/**
 * The default themes against a labelled sample of real items ({@code theme-labels.tsv}): each theme
 * is right about at least 95 % of the labelled items it takes, and still takes every labelled item
 * of its subject that the themes of 2026-12-05 (keyword lists without rules) took.
 */
@Tag("integration")
class ThemePrecisionTest {

    private static final double MIN_PRECISION = 0.95;
    private static final int MIN_SAMPLE = 20;

    private record Label(String theme, String id, boolean belongs, String reason) {
    }

    private static Map<String, Item> items;
    private static List<Label> labels;

    @BeforeAll
    static void readRealItems() throws IOException {
        DayFileReader reader = new DayFileReader();
        Map<LocalDate, List<DayFile>> byDay = new TreeMap<>();
        try (Stream<Path> files = Files.list(TestCorpus.newspaper())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("CLS_")).toList()) {
                DayFile file = reader.read(f);
                byDay.computeIfAbsent(file.date(), d -> new ArrayList<>()).add(file);
            }
        }
        items = new HashMap<>();
        DayAssembler assembler = new DayAssembler();
        byDay.forEach((date, files) -> assembler.assemble(date, files).items().forEach(i -> items.put(i.id(), i)));
        labels = new ArrayList<>();
        for (String line : resource("theme-labels.tsv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                assertTrue(f[2].equals("yes") || f[2].equals("no"), line);
                assertTrue(f.length == 4 && !f[3].isBlank(), "every label has its reason: " + line);
                labels.add(new Label(f[0], f[1], f[2].equals("yes"), f[3]));
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(ThemePrecisionTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyDefaultThemeIsRightAboutAtLeast95PercentOfWhatItTakes() throws Exception {
        TopicExtractor themes = new TopicExtractor(ThemeSource.jarDefault().themes());
        Map<String, int[]> tally = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Label label : labels) {
            if (takes(themes, label)) {
                int[] t = tally.computeIfAbsent(label.theme(), k -> new int[2]);
                t[0]++;
                if (label.belongs()) {
                    t[1]++;
                } else {
                    wrong.add(label.theme() + " " + label.id() + " (" + label.reason() + ")");
                }
            }
        }
        assertEquals(ThemeSource.jarDefault().themes().size(), tally.size(), "every default theme is labelled");
        tally.forEach((theme, t) -> {
            assertTrue(t[0] >= MIN_SAMPLE, theme + ": only " + t[0] + " labelled items taken");
            assertTrue(t[1] >= MIN_PRECISION * t[0], theme + ": " + t[1] + " of " + t[0] + " right; wrong: " + wrong);
        });
    }

    @Test
    void noThemeLosesALabelledItemOfItsSubjectThatTheOldKeywordListsFound() throws Exception {
        TopicExtractor now = new TopicExtractor(ThemeSource.jarDefault().themes());
        TopicExtractor before = themesOf20261205();
        List<String> lost = labels.stream()
                .filter(l -> l.belongs() && takes(before, l) && !takes(now, l))
                .map(l -> l.theme() + " " + l.id() + " (" + l.reason() + ")").toList();
        assertEquals(List.of(), lost);
        long found = labels.stream().filter(l -> l.belongs() && takes(before, l)).count();
        assertTrue(found >= MIN_SAMPLE * ThemeSource.jarDefault().themes().size() * 0.9, "sample too small: " + found);
    }

    /** The namesakes the old lists took are what the rules are for: most of them are now left out. */
    @Test
    void theRulesLeaveOutNamesakesTheOldListsTook() throws Exception {
        TopicExtractor now = new TopicExtractor(ThemeSource.jarDefault().themes());
        TopicExtractor before = themesOf20261205();
        List<Label> namesakes = labels.stream().filter(l -> !l.belongs() && takes(before, l)).toList();
        long stillTaken = namesakes.stream().filter(l -> takes(now, l)).count();
        assertTrue(namesakes.size() >= 30, "labelled namesakes: " + namesakes.size());
        assertTrue(stillTaken * 4 <= namesakes.size(), stillTaken + " of " + namesakes.size() + " namesakes still taken");
    }

    /** The default themes of 2026-12-05: keyword lists without rules. */
    private static TopicExtractor themesOf20261205() throws Exception {
        Path old = Files.createTempFile("themes-2026-12-05", ".yml");
        try {
            Files.writeString(old, resource("themes-2026-12-05.yml"));
            return new TopicExtractor(ThemeSource.resolve(old, List.of()).themes());
        } finally {
            Files.delete(old);
        }
    }

    private static boolean takes(TopicExtractor extractor, Label label) {
        Item item = items.get(label.id());
        assertTrue(item != null, "labelled item not in the real files: " + label.id());
        return extractor.topics(item).stream()
                .anyMatch(t -> t.kind() == TopicKind.THEME && t.slug().equals(Slugs.of(label.theme())));
    }
}
