package telegraph;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import telegraph.export.DataExport;
import telegraph.render.SiteInfo;
import telegraph.render.ArchiveOutput;
import telegraph.site.BuildReport;
import telegraph.site.SiteBuilder;

/**
 * Builds sites with one archive-wide output, for the tests that compare an incremental build
 * with a full build of the same content, file by file.
 *
 * @param output  the output for a content folder
 * @param compare which files of the site the comparison looks at
 * @param scratch where the full builds to compare with go
 */
public record OneOutputBuilds(OutputFor output, Predicate<String> compare, Path scratch) {

    /** The output to build for a content folder (reading its settings may fail). */
    @FunctionalInterface
    public interface OutputFor {
        ArchiveOutput of(Path content) throws Exception;
    }

    public BuildReport build(Path content, Path out, boolean full) throws Exception {
        return new SiteBuilder(List.of(new DataExport(), output.of(content))).build(new SiteBuilder.Options(
                List.of(content), out, null, new SiteInfo("t", ""), 2, full), (d, t) -> { });
    }

    /** The compared files of {@code site} equal those of a full build of {@code content}. */
    public void assertSameAsFullBuild(Path content, Path site, String step) throws Exception {
        Path fresh = scratch.resolve("full-" + step);
        build(content, fresh, true);
        SiteTrees.assertSame(files(fresh), files(site), step);
    }

    /**
     * What a build killed during the output's full update leaves (the output's marker, the
     * build's own, and a half-written file) is redone in full by the next build.
     */
    public void assertKilledFullUpdateIsRedone(Path content, Path site, String marker, String file, String halfWritten,
                                               String step) throws Exception {
        Files.writeString(site.resolve(marker), "x");
        Files.writeString(site.resolve(".telegraph/building"), "killed");
        Files.writeString(site.resolve(file), halfWritten);
        build(content, site, false);
        assertFalse(Files.exists(site.resolve(marker)), step + ": marker left");
        assertSameAsFullBuild(content, site, step);
    }

    public Map<String, byte[]> files(Path root) throws IOException {
        return SiteTrees.files(root, compare);
    }
}
