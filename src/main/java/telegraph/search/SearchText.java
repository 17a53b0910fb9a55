package telegraph.search;

import java.util.List;
import telegraph.model.Item;
import telegraph.model.StockCode;
import telegraph.model.Version;

/**
 * The text of an item that search indexes: title, body, source and every stock code it names;
 * and the text of each of its earlier versions (title, body, source), which search finds too: a
 * query held by an earlier version alone finds the item, marked as found there. Not the dateline
 * ({@code 财联社1月6日电，}): every item has one, so its words (财联, 联社, 日电) would be
 * postings of every item, the largest part of the index, for queries nobody needs.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String of(Item item) {
        return item.title() + '\n' + item.body() + '\n' + rest(item);
    }

    /** The text of each earlier version of the item, oldest first: title, body and source. */
    public static List<String> versions(Item item) {
        return item.versions().stream().map(SearchText::of).toList();
    }

    static String of(Version version) {
        return version.title() + '\n' + version.body() + '\n' + version.source();
    }

    /** What follows title and body: the source and every stock code the item names. */
    static String rest(Item item) {
        StringBuilder sb = new StringBuilder(item.source().length() + 12 * item.stocks().size());
        sb.append(item.source());
        // codes parsed from e.g. 贵州茅台(600519.SH) are in the text already; repeating them
        // makes sure a code the parser normalised is findable as written in the model
        for (StockCode stock : item.stocks()) {
            sb.append(' ').append(stock.code());
        }
        return sb.toString();
    }
}
