package telegraph.cli;

import java.util.List;
import telegraph.export.DataExport;
import telegraph.render.ArchiveOutput;
import telegraph.search.SearchIndexOutput;
import telegraph.topics.ThemeSource;
import telegraph.topics.TopicOutput;

/**
 * Every archive-wide output of a site, in the order the builder runs them. A new output (a weekly
 * digest, say) is one more entry here.
 */
final class SiteOutputs {

    private SiteOutputs() {
    }

    /**
     * The JSON export comes first: the search index is made from its entries; topics give the
     * search index their tokens, so that a search can be narrowed to a topic.
     *
     * @param searchPositions whether the search index keeps positions (exact totals from the index)
     */
    static List<ArchiveOutput> of(ThemeSource themes, boolean searchPositions) {
        TopicOutput topics = new TopicOutput(themes);
        return List.of(new DataExport(),
                new SearchIndexOutput(topics::topicKeys, topics.settings(), topics.themeNames(), searchPositions), topics);
    }
}
