package telegraph.topics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import telegraph.model.Item;
import telegraph.model.StockCode;

/**
 * The topics of an item, from the item alone (and the themes), so that a day page and a topic
 * page built in different builds agree on them. Order: securities as mentioned, column, outlets,
 * themes as listed in {@code topics.yml}, then the CLS subjects a source carried; each topic once.
 */
public final class TopicExtractor {

    private final List<Theme> themes;
    private final List<String> themeSlugs;
    private final KeywordMatcher matcher;

    public TopicExtractor(List<Theme> themes) {
        this.themes = List.copyOf(themes);
        this.themeSlugs = this.themes.stream().map(t -> Slugs.of(t.key())).toList();
        this.matcher = new KeywordMatcher(this.themes);
    }

    public List<Topic> topics(Item item) {
        List<Topic> topics = new ArrayList<>();
        for (StockCode stock : item.stocks()) {
            topics.add(security(stock));
        }
        String column = ColumnNames.of(item.title());
        if (!column.isEmpty()) {
            topics.add(named(TopicKind.COLUMN, column));
        }
        String dated = SourceNames.fromDateline(item.dateline());
        if (!dated.isEmpty()) {
            topics.add(named(TopicKind.SOURCE, dated));
        }
        String source = SourceNames.fromSource(item.source());
        if (!source.isEmpty() && !source.equals(dated)) {
            topics.add(named(TopicKind.SOURCE, source));
        }
        BitSet found = matcher.match(item.fullText());
        for (int t = found.nextSetBit(0); t >= 0; t = found.nextSetBit(t + 1)) {
            Theme theme = themes.get(t);
            topics.add(new Topic(TopicKind.THEME, theme.key(), theme.name(), themeSlugs.get(t)));
        }
        item.subjects().stream().filter(s -> !s.isBlank()).distinct()
                .forEach(subject -> topics.add(named(TopicKind.SUBJECT, subject.strip())));
        return topics;
    }

    /** Codes are upper-case letters, digits and dots, so {@code 600519-sh} is unique per code. */
    private static Topic security(StockCode stock) {
        String slug = Slugs.of(stock.code().replace('.', '-').toLowerCase(Locale.ROOT));
        return new Topic(TopicKind.SECURITY, stock.code(), stock.name(), slug);
    }

    private static Topic named(TopicKind kind, String name) {
        String key = Names.key(name);
        return new Topic(kind, key, name, Slugs.of(key));
    }
}
