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

/** Which themes a build uses: --topics FILE, else the first content folder's topics.yml, else the jar's. */
class ThemeSourceTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithoutTopicsYmlGetsTheJarsThemes() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        ThemeSource source = ThemeSource.resolve(null, List.of(content));
        assertEquals("jar:default", source.label());
        assertTrue(source.themes().size() >= 20, "themes: " + source.themes().size());
        assertTrue(source.themes().stream().anyMatch(t -> t.key().equals("nvidia")));
        assertEquals("jar:default (" + source.themes().size() + " themes)", source.describe());
        assertEquals(ThemeSource.jarDefault().themes(), ThemeSource.resolve(null, List.of()).themes());
    }

    @Test
    void theFirstContentFoldersFileReplacesTheDefault() throws Exception {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b"));
        Files.writeString(first.resolve("topics.yml"), "themes:\n  - {name: 黄金, slug: gold, keywords: [黄金]}\n");
        Files.writeString(second.resolve("topics.yml"), "themes:\n  - {name: 原油, keywords: [原油]}\n");
        ThemeSource source = ThemeSource.resolve(null, List.of(first, second));
        assertEquals(first.resolve("topics.yml").toString(), source.label());
        assertEquals(List.of("gold"), source.themes().stream().map(Theme::key).toList());
        assertEquals(first.resolve("topics.yml") + " (1 theme)", source.describe());
    }

    @Test
    void anExplicitFileWinsAndAMissingOneIsAnError() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("topics.yml"), "themes:\n  - {name: 黄金, keywords: [黄金]}\n");
        Path mine = dir.resolve("mine.yml");
        Files.writeString(mine, "themes:\n  - {name: 原油, slug: oil, keywords: [原油]}\n");
        assertEquals(List.of("oil"), ThemeSource.resolve(mine, List.of(content)).themes().stream().map(Theme::key).toList());
        ContentException e = assertThrows(ContentException.class,
                () -> ThemeSource.resolve(dir.resolve("none.yml"), List.of(content)));
        assertEquals(dir.resolve("none.yml") + ": no such themes file (--topics)", e.getMessage());
        Files.writeString(mine, "themes:\n  - {name: 原油}\n");
        e = assertThrows(ContentException.class, () -> ThemeSource.resolve(mine, List.of(content)));
        assertTrue(e.getMessage().startsWith(mine + ":2: "), e.getMessage());
    }
}
