package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.model.DuplicateCounts;
import telegraph.output.OutputWriter;

/** The manifest is kept as one part per month and a head; a missing, damaged or older one means a full build. */
class ManifestTest {

    @TempDir
    Path site;

    private static Manifest.FileState file(String... windows) {
        return new Manifest.FileState(10, "2026-01-06T00:00:00Z", "hash", List.of(windows), List.of(), false);
    }

    private static Manifest.DayState day(String file) {
        return new Manifest.DayState(1, 0, List.of(file), List.of("hash"), null, null, List.of(), DuplicateCounts.NONE,
                List.of());
    }

    private static Manifest manifest(boolean withFebruary) {
        Map<String, Manifest.FileState> files = new TreeMap<>(Map.of("a.md", file("2026-01-31"), "README.md", file()));
        Map<String, Manifest.DayState> days = new TreeMap<>(Map.of("2026-01-31", day("a.md")));
        if (withFebruary) {
            files.put("b.md", file("2026-02-01"));
            days.put("2026-02-01", day("b.md"));
        }
        return new Manifest(Manifest.VERSION, "fingerprint", files, days);
    }

    private void save(Manifest manifest) throws Exception {
        OutputWriter out = new OutputWriter(site);
        manifest.save(out);
        out.commit();
    }

    @Test
    void aMonthsDaysAndFilesAreItsOwnPart() throws Exception {
        save(manifest(true));
        assertEquals(manifest(true), Manifest.load(site));
        assertTrue(Files.exists(site.resolve(Manifest.PARTS + "2026-01.json")));
        assertTrue(Files.readString(site.resolve(Manifest.PARTS + "2026-02.json")).contains("b.md"));
        assertFalse(Files.readString(site.resolve(Manifest.PATH)).contains("a.md"), "the head holds no month's file");

        save(manifest(false));
        assertEquals(manifest(false), Manifest.load(site));
        assertFalse(Files.exists(site.resolve(Manifest.PARTS + "2026-02.json")), "a month gone takes its part along");
    }

    @Test
    void aMissingOrDamagedPartOrAnOlderLayoutIsAnEmptyManifest() throws Exception {
        save(manifest(true));
        Files.writeString(site.resolve(Manifest.PARTS + "2026-02.json"), "{\"files\": ");
        assertEquals(Manifest.empty(), Manifest.load(site), "damaged");

        save(manifest(true));
        Files.delete(site.resolve(Manifest.PARTS + "2026-01.json"));
        assertEquals(Manifest.empty(), Manifest.load(site), "missing");

        Files.writeString(site.resolve(Manifest.PATH), "{\"version\": 3, \"fingerprint\": \"f\", \"files\": {}, \"days\": {}}");
        assertEquals(Manifest.empty(), Manifest.load(site), "an older program's");
    }
}
