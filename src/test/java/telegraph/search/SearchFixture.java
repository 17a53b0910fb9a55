package telegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.render.PageRenderer;
import telegraph.render.SiteInfo;
import telegraph.site.ArchiveOutput;
import telegraph.site.DaySummary;
import telegraph.site.OutputWriter;
import telegraph.site.SiteBuilder;

/**
 * The site built once per test JVM from all 50 real files, in target/search-it/site, where the
 * Node shard test (run by Maven after the unit tests) finds it too.
 */
final class SearchFixture {

    static final Path DIR = Path.of("target", "search-it");
    static final Path SITE = DIR.resolve("site");

    private static Map<String, Item> items;

    private SearchFixture() {
    }

    /** Every item of the corpus by id, as the builder handed them to the outputs. */
    static synchronized Map<String, Item> items() {
        if (items == null) {
            items = build(SITE);
        }
        return items;
    }

    /** Builds the real corpus with the search output into {@code out}; returns the items seen. */
    static Map<String, Item> build(Path out) {
        Map<String, Item> seen = new ConcurrentHashMap<>();
        ArchiveOutput collector = new ArchiveOutput() {
            @Override
            public String name() {
                return "collector";
            }

            @Override
            public void month(YearMonth month, List<Day> days, OutputWriter o, PageRenderer pages) {
                days.forEach(d -> d.items().forEach(i -> seen.put(i.id(), i)));
            }

            @Override
            public void finish(NavigableMap<LocalDate, DaySummary> days, java.util.Set<java.time.YearMonth> changed, OutputWriter o,
                               PageRenderer pages) {
            }
        };
        try {
            SiteTrees.delete(out);
            new SiteBuilder(List.of(new SearchIndexOutput(), collector)).build(new SiteBuilder.Options(
                    List.of(TestCorpus.newspaper()), out, null, new SiteInfo("测试", ""), 2, true), (done, total) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(seen);
    }
}
