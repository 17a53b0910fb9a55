package telegraph.topics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** The topics the item gives itself: what its day page links. */
    public List<Topic> topics(Item item) {
        return topics(item, CompanyNames.NONE);
    }

    /**
     * The item's topics with the securities it names without their code: what topic pages list
     * and search filters by. Names come from the whole archive, so unlike {@link #topics(Item)}
     * this can change when other months change.
     */
    List<Topic> topics(Item item, CompanyNames names) {
        List<Topic> topics = new ArrayList<>();
        Set<String> coded = new HashSet<>();
        for (StockCode stock : item.stocks()) {
            topics.add(security(stock.code(), stock.name(), false));
            coded.add(stock.code());
        }
        // not the dateline nor the source: they name the outlet that reports (人民网), not the news
        for (String code : names.named(item.title() + "\n" + item.body())) {
            if (!coded.contains(code)) {
                topics.add(security(code, "", true));
            }
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
    private static Topic security(String code, String name, boolean byName) {
        return new Topic(TopicKind.SECURITY, code, name, securitySlug(code), byName);
    }

    static String securitySlug(String code) {
        return Slugs.of(code.replace('.', '-').toLowerCase(Locale.ROOT));
    }

    private static Topic named(TopicKind kind, String name) {
        String key = Names.key(name);
        return new Topic(kind, key, name, Slugs.of(key));
    }
}
