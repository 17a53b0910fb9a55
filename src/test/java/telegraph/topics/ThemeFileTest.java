package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.parse.ContentException;

/** A bad topics.yml stops the build with {@code file:line: reason}; odd but harmless input is made safe. */
class ThemeFileTest {

    @TempDir
    Path dir;

    private String error(String yaml) throws Exception {
        Path file = dir.resolve("topics.yml");
        Files.writeString(file, yaml);
        ContentException e = assertThrows(ContentException.class, () -> ThemeSource.resolve(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
        return e.getMessage().substring(file.toString().length() + 1);
    }

    @Test
    void theShippedFileHasAtLeastTwentyThemes() throws Exception {
        List<Theme> themes = ThemeSource.jarDefault().themes();
        assertTrue(themes.size() >= 20, "themes: " + themes.size());
        assertTrue(themes.stream().anyMatch(t -> t.name().equals("英伟达") && t.keywords().contains("黄仁勋")));
    }

    @Test
    void syntaxErrorsNameTheirLine() throws Exception {
        String unclosed = error("themes:\n  - name: a\n    keywords: [a, b\n  - name: c\n");
        assertTrue(unclosed.matches("[45]: .+"), unclosed);
        String tab = error("themes:\n  - name: a\n\tkeywords: [x]\n");
        assertTrue(tab.matches("3: .+"), tab);
    }

    @Test
    void mistakesNameTheirTheme() throws Exception {
        assertEquals("4: duplicate slug 'x' (also at line 2)",
                error("themes:\n  - {name: a, slug: x, keywords: [a]}\n  - {name: b, slug: y, keywords: [b]}\n"
                        + "  - {name: c, slug: X, keywords: [c]}\n"));
        assertEquals("2: theme 'a' has no keywords", error("themes:\n  - name: a\n    keywords: []\n"));
        assertEquals("2: theme 'a' has no keywords", error("themes:\n  - name: a\n"));
        assertStarts("2: an empty entry in 'keywords'", error("themes:\n  - name: a\n    keywords: ['', b]\n"));
        assertStarts("2: name is 5000 characters long", error("themes:\n  - name: " + "长".repeat(5000) + "\n    keywords: [a]\n"));
        assertStarts("2: unknown field 'keyword'", error("themes:\n  - name: a\n    keyword: [a]\n"));
        assertStarts("2: a context entry of theme 'a' needs both 'words' and 'with'",
                error("themes:\n  - name: a\n    context:\n      - words: [b]\n"));
        assertStarts("2: an empty entry in 'require'", error("themes:\n  - name: a\n    keywords: [a]\n    require: ['']\n"));
        assertStarts("2: unknown field 'qualifiers'",
                error("themes:\n  - name: a\n    context:\n      - {words: [b], qualifiers: [c]}\n"));
        assertStarts("1: unknown key 'topics'", error("topics:\n  - name: a\n"));
        assertStarts("1: 'themes' must be a list", error("themes: 3\n"));
        assertStarts("2: each theme must have", error("themes:\n  - just a string\n"));
    }

    private static void assertStarts(String prefix, String message) {
        assertTrue(message.startsWith(prefix), message);
    }

    @Test
    void traversalInSlugsOrNamesIsMadeSafe() throws Exception {
        Path file = dir.resolve("topics.yml");
        Files.writeString(file, "themes:\n  - {name: ../../x, slug: ../../../etc, keywords: [a]}\n"
                + "  - {name: 'a/b:c', keywords: [b], exclude: [c]}\n");
        List<Theme> themes = ThemeSource.resolve(file, List.of()).themes();
        assertEquals(2, themes.size());
        for (Theme t : themes) {
            String slug = Slugs.of(t.key());
            assertTrue(!slug.contains("/") && !slug.contains(".."), slug);
        }
        assertEquals(List.of("c"), themes.get(1).exclusions());
    }

    @Test
    void rulesAreReadAsWritten() throws Exception {
        Path file = dir.resolve("topics.yml");
        Files.writeString(file, "themes:\n  - name: 货币政策\n    keywords: [人民银行]\n    exclude: [欧洲央行]\n"
                + "    context:\n      - words: [降息, 逆回购]\n        with: [央行, LPR]\n    require: [中国]\n"
                + "  - name: 只有上下文\n    context:\n      - {words: [降准], with: [央行]}\n");
        List<Theme> themes = ThemeSource.resolve(file, List.of()).themes();
        assertEquals(new Theme("货币政策", "货币政策", List.of("人民银行"), List.of("欧洲央行"),
                List.of(new Theme.Context(List.of("降息", "逆回购"), List.of("央行", "LPR"))), List.of("中国")), themes.get(0));
        assertEquals(List.of("降准"), themes.get(1).context().get(0).words());
    }

    @Test
    void anEmptyFileMeansNoThemes() throws Exception {
        Files.writeString(dir.resolve("empty.yml"), "# nothing yet\n");
        assertEquals(List.of(), ThemeSource.resolve(dir.resolve("empty.yml"), List.of()).themes());
        Files.writeString(dir.resolve("none.yml"), "themes:\n");
        assertEquals(List.of(), ThemeSource.resolve(dir.resolve("none.yml"), List.of()).themes());
    }
}
