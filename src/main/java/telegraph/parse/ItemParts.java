package telegraph.parse;

import java.util.List;
import telegraph.model.StockCode;

/**
 * An item's text split into the parts a reader sees.
 *
 * @param red      whether the item carried the 🔴 top-level marker
 * @param text     the cleaned text without the marker and its bold wrapping
 * @param title    the 【…】 title without its outer brackets, or empty
 * @param dateline e.g. 财联社1月6日电， or empty
 * @param body     what follows, without the trailing source
 * @param source   trailing outlet or byline, or empty
 * @param stocks   securities mentioned, first mention first, each once
 */
public record ItemParts(boolean red, String text, String title, String dateline, String body,
                        String source, List<StockCode> stocks) {
}
