package telegraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import telegraph.render.SiteInfo;
import telegraph.site.ArchiveOutput;
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
        return new SiteBuilder(List.of(output.of(content))).build(new SiteBuilder.Options(
                List.of(content), out, null, new SiteInfo("t", ""), 2, full), (d, t) -> { });
    }

    /** The compared files of {@code site} equal those of a full build of {@code content}. */
    public void assertSameAsFullBuild(Path content, Path site, String step) throws Exception {
        Path fresh = scratch.resolve("full-" + step);
        build(content, fresh, true);
        SiteTrees.assertSame(files(fresh), files(site), step);
    }

    public Map<String, byte[]> files(Path root) throws IOException {
        return SiteTrees.files(root, compare);
    }
}
