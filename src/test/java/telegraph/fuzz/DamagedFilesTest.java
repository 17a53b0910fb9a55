package telegraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import telegraph.model.Day;
import telegraph.model.Problem;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;
import telegraph.parse.Layout;
import telegraph.parse.RawItem;

/** The reader crashes and losses the fuzz tests found, each made small. */
class DamagedFilesTest {

    private final DayFileReader reader = new DayFileReader();

    private DayFile read(String name, String text) {
        return reader.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String ECHO_ITEMS = """
            ## 00:08:23｜美联储Collins称关注供应冲击

            - id: `2370637`
            - level: C

            【美联储Collins称关注供应冲击】财联社5月14日电，正文。

            ## 00:09:00｜纽约期银日内大涨5%

            - id: `2370638`

            【纽约期银日内大涨5%】财联社5月14日电，现货白银日内涨幅达3%。
            """;

    @Test
    void anEchoFileWithADamagedHeadingIsStillReadAsOneWithTheDateOfItsName() {
        DayFile file = read("2026-05-14.md", "# 财联社快\r讯归档 2026-05-14\n\n" + ECHO_ITEMS);
        assertEquals(Layout.ECHO_MARKDOWN, file.layout());
        assertEquals(LocalDate.of(2026, 5, 14), file.date());
        assertEquals(2, file.items().size());
        assertTrue(file.problems().get(0).reason().contains("date taken from the file name"), file.problems().toString());
    }

    @Test
    void theItemsOfAnEchoFileWithNoDateAtAllAreKeptWithItsProblems() {
        DayFile file = read("notes.md", ECHO_ITEMS);
        assertEquals(List.of(), file.items());
        assertEquals(2, file.problems().stream().filter(p -> p.text().contains("财联社5月14日电")).count(),
                file.problems().toString());
    }

    @Test
    void anEchoItemWhoseContentStartsWithAnotherTitleKeepsItsOwn() {
        DayFile file = read("2026-05-14.md", "# 财联社快讯归档 2026-05-14\n\n"
                + ECHO_ITEMS.replace("【纽约期银日内大涨5%】财联社", "【别的标题】财联社"));
        List<String> texts = file.items().stream().map(RawItem::text).toList();
        assertTrue(texts.get(1).startsWith("【纽约期银日内大涨5%】【别的标题】"), texts.toString());
        assertTrue(texts.get(0).startsWith("【美联储Collins称关注供应冲击】财联社"), "not doubled: " + texts);
    }

    @Test
    void thousandsOfNearlyIdenticalItemsLinkEachToAFewNotToAllTheOthers() {
        StringBuilder text = new StringBuilder("# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n");
        for (int i = 0; i < 3_000; i++) {
            text.append("**[10:0").append(i % 5).append("]** 【英伟达发布第").append(i)
                    .append("个新模型】财联社电，英伟达为能够思考的交通工具推出新的模型。\n\n");
        }
        DayFile file = read("CLS_2026-01-06_General.md", text.toString());
        Day day = new DayAssembler().assemble(LocalDate.of(2026, 1, 6), List.of(file));
        int most = day.items().stream().mapToInt(i -> i.related().size()).max().orElse(0);
        assertTrue(most > 0 && most <= 20, "links of the most linked item: " + most);
    }

    @Test
    void theItemsOfANewspaperFileWithNoDateAreEachKeptWhole() {
        StringBuilder text = new StringBuilder("# 不是标题\n\n");
        for (int i = 0; i < 40; i++) {
            text.append("**[10:").append(10 + i).append("]** 【第").append(i).append("条】").append("长".repeat(80)).append("\n\n");
        }
        DayFile file = read("notes.md", text.toString());
        List<Problem> items = file.problems().stream().filter(p -> p.reason().equals("item of a file with no date")).toList();
        assertEquals(40, items.size(), "each item, also those past the file problem's first 2,000 characters");
        assertTrue(items.get(39).text().startsWith("**[10:49]** 【第39条】"), items.get(39).text());
    }
}
