package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFileReader;

/**
 * The positions an index with positions keeps (search.md, "Exact totals"): every occurrence of a
 * token, at the offset where it starts in the text the page checks ({@link SearchText#of}), and
 * the stored form the page decodes; an index without them stores counts as before.
 */
class MonthIndexPositionsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 6);

    private static Day day() {
        String text = "# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n"
                + "**[06:00]** 【英伟达发布HBM4】财联社1月6日电，英伟达与英伟公司合作，英伟达股价上涨。\n\n"
                + "**[07:00]** 财联社1月6日电，美联储维持利率不变，HBM产能紧张。\n";
        return new DayAssembler().assemble(DAY, List.of(new DayFileReader().read("g.md", text.getBytes(StandardCharsets.UTF_8))));
    }

    private static int token(MonthIndex index, String name) {
        for (int t = 0; t < index.tokenCount(); t++) {
            if (index.name(t).equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no token " + name);
    }

    /** Where the text has the bigram, found in the text itself. */
    private static List<Integer> offsets(String text, String bigram) {
        List<Integer> out = new ArrayList<>();
        for (int at = text.indexOf(bigram); at >= 0; at = text.indexOf(bigram, at + 1)) {
            out.add(at);
        }
        return out;
    }

    /** The positions of a stored posting's tail ";p.p.p": the first absolute, then gaps. */
    private static List<Integer> decode(String tail) {
        List<Integer> out = new ArrayList<>();
        assertTrue(tail.startsWith(";"), tail);
        int at = 0;
        for (String gap : tail.substring(1).split("\\.")) {
            at += Integer.parseInt(gap, 36);
            out.add(at);
        }
        return out;
    }

    @Test
    void everyOccurrenceIsKeptAtItsOffsetInTheCheckedText() {
        MonthIndex index = new MonthIndex(List.of(day()), item -> List.of("stock/test"), true);
        assertEquals(2, index.items().size());
        for (String bigram : List.of("英伟", "伟达", "联储", "股价")) {
            int t = token(index, bigram);
            for (int i = 0; i < index.df(t); i++) {
                Item item = index.items().get(index.ref(t, i));
                List<Integer> expected = offsets(SearchText.of(item), bigram);
                List<Integer> kept = new ArrayList<>();
                for (int k = 0; k < index.positions(t, i); k++) {
                    kept.add(index.position(t, i, k));
                }
                assertEquals(expected, kept, bigram);
                assertEquals(expected.size(), index.count(t, i), bigram + ": the count is the positions' number");
                StringBuilder stored = new StringBuilder();
                index.appendPosting(stored, t, i, true);
                assertEquals(expected, decode(stored.toString()), bigram);
            }
        }
        // 英伟达 three times in the first item (title and body), 英伟 once more apart
        int ying = token(index, "英伟");
        assertEquals(4, index.positions(ying, 0));
        // a word's prefix tokens start where the word does: HBM4 in the title, HBM in the body
        int hbm = token(index, "hbm*");
        assertEquals(2, index.df(hbm));
        for (int i = 0; i < 2; i++) {
            String text = SearchText.of(index.items().get(index.ref(hbm, i)));
            assertEquals(text.indexOf("HBM"), index.position(hbm, i, 0));
        }
        // a topic has no position in any text
        int topic = token(index, "~stock/test");
        StringBuilder stored = new StringBuilder();
        index.appendPosting(stored, topic, 0, true);
        assertEquals("", stored.toString());
    }

    @Test
    void withoutPositionsPostingsStoreCountsAsBefore() {
        MonthIndex index = new MonthIndex(List.of(day()), item -> List.of(), false);
        int ying = token(index, "英伟");
        assertEquals(0, index.positions(ying, 0));
        StringBuilder stored = new StringBuilder();
        index.appendPosting(stored, ying, 0, true);
        assertEquals(":4", stored.toString());
        StringBuilder inDirectory = new StringBuilder();
        index.appendPosting(inDirectory, ying, 0, false);
        assertFalse(inDirectory.toString().contains(":"));
    }
}
