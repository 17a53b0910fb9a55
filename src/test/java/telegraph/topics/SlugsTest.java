package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlugsTest {

    private static final List<String> HOSTILE = List.of("../../etc/passwd", "..", ".", "/", "a/b", "a:b", "a b",
            "a\\b", "C:\\x", "🚀火箭🚀", "x".repeat(5000), "英".repeat(300), "", " ", "con", "NUL", "ÉCOLE", "école",
            "a\u0000b", "a_b", "a-b", "?#%&", "研选", "600519-sh", "abc", "ABC_x");

    @Test
    void plainNamesStayReadable() {
        assertEquals("研选", Slugs.of("研选"));
        assertEquals("600519-sh", Slugs.of("600519-sh"));
        assertEquals("nvidia", Slugs.of("NVIDIA"));
        assertEquals("cctv国际时讯", Slugs.of("cctv国际时讯"));
    }

    @Test
    void anyInputGivesASafeFileName() {
        for (String key : HOSTILE) {
            String slug = Slugs.of(key);
            assertFalse(slug.isEmpty(), key);
            assertTrue(slug.matches("[a-z0-9\\-_\\p{IsHan}]+"), key + " -> " + slug);
            assertFalse(slug.startsWith("."), slug);
            assertTrue(slug.codePointCount(0, slug.length()) <= Slugs.MAX_CODE_POINTS + 11, slug);
            assertFalse(List.of("con", "nul", "prn", "aux").contains(slug), slug);
            assertEquals(slug, Slugs.of(key), "stable");
        }
    }

    @Test
    void differentKeysNeverShareASlug() {
        Map<String, String> seen = new HashMap<>();
        for (String key : HOSTILE) {
            String other = seen.put(Slugs.of(key), key);
            assertTrue(other == null || other.equals(key), key + " and " + other + " collide on " + Slugs.of(key));
        }
        assertNotEquals(Slugs.of("a/b"), Slugs.of("a:b"));
        assertNotEquals(Slugs.of("x".repeat(60)), Slugs.of("x".repeat(61)));
        // a changed key's slug cannot be another key written unchanged
        assertNotEquals(Slugs.of("a b"), Slugs.of(Slugs.of("a b")).replace("_", "-"));
    }
}
