package telegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import telegraph.HandedMonths;
import telegraph.export.DataExport;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.model.Item;
import telegraph.render.SiteInfo;
import telegraph.site.SiteBuilder;
import telegraph.topics.TopicOutput;

/**
 * The site built once per test JVM from all 50 real files, in target/search-it/site, where the
 * Node shard test (run by Maven after the unit tests) finds it too.
 */
final class SearchFixture {

    static final Path DIR = Path.of("target", "search-it");
    static final Path SITE = DIR.resolve("site");

    /** An item as the index numbers it: its month and its position there in time order. */
    record Indexed(Item item, YearMonth month, int ref, List<String> topics) {
    }

    private static List<Indexed> items;

    private SearchFixture() {
    }

    /** Every item of the corpus, oldest first, as the builder handed them to the outputs. */
    static synchronized List<Indexed> items() {
        if (items == null) {
            items = build(SITE);
        }
        return items;
    }

    /** Builds the real corpus with the search output (topic filters too) into {@code out}; returns the items seen. */
    static List<Indexed> build(Path out) {
        HandedMonths collector = new HandedMonths();
        TopicOutput topics;
        try {
            SiteTrees.delete(out);
            topics = new TopicOutput(List.of(TestCorpus.newspaper()));
            new SiteBuilder(List.of(new DataExport(), new SearchIndexOutput(topics::topicKeys, topics.settings(), topics.themeNames(), true), topics, collector)).build(new SiteBuilder.Options(
                    List.of(TestCorpus.newspaper()), out, null, new SiteInfo("测试", ""), 2, true), (done, total) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Indexed> all = new ArrayList<>();
        collector.items().forEach((month, list) -> {
            for (int ref = 0; ref < list.size(); ref++) {
                all.add(new Indexed(list.get(ref), month, ref, topics.topicKeys(list.get(ref))));
            }
        });
        return List.copyOf(all);
    }
}
