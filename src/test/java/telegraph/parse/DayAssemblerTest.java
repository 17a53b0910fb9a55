package telegraph.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import telegraph.TestCorpus;
import telegraph.model.Channel;
import telegraph.model.Day;
import telegraph.model.Item;
import telegraph.model.Level;
import telegraph.model.Version;
import java.util.stream.Stream;

@Tag("integration")
class DayAssemblerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 6);

    private final DayFileReader reader = new DayFileReader();
    private final DayAssembler assembler = new DayAssembler();

    private DayFile file(String name, String channel, String items) {
        String text = "# 财联社【" + channel + "】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n" + items;
        return reader.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void timeOrderAndMidnightRollover() {
        Day day = assembler.assemble(DAY, List.of(file("g.md", "普通",
                "**[05:49]** 第二。\n\n**[00:01]** 财联社1月7日电，次日。\n\n**[05:45]** 第一。\n\n**[05:30]** 窗口开始。\n")));
        assertEquals(List.of("窗口开始。", "第一。", "第二。", "次日。"), day.items().stream().map(Item::body).toList());
        assertEquals(OffsetDateTime.parse("2026-01-07T00:01+08:00"), day.items().get(3).time());
        assertEquals(OffsetDateTime.parse("2026-01-06T05:30+08:00"), day.items().get(0).time());
        assertEquals(DAY, day.items().get(3).windowDate());
        assertTrue(day.items().get(3).id().startsWith("20260107-0001-"));
    }

    @Test
    void itemInBothChannelsIsOneMajorItem() {
        Day day = assembler.assemble(DAY, List.of(
                file("CLS_2026-01-06_Major.md", "重磅", "**[10:43]** 🔴 **【禾赛被选定】财联社1月6日电，正文。**\n"),
                file("CLS_2026-01-06_General.md", "普通", "**[10:43]** 【禾赛被选定】财联社1月6日电，正文。\n\n**[10:44]** 另一条。\n")));
        assertEquals(2, day.items().size());
        Item merged = day.items().get(0);
        assertEquals(Set.of(Channel.GENERAL, Channel.MAJOR), merged.channels());
        assertEquals(Level.A, merged.level());
        assertTrue(merged.isMajor());
        assertEquals(Level.C, day.items().get(1).level());
    }

    @Test
    void sameMinuteItemsGetDistinctIdsAndRepeatsAreKept() {
        Day day = assembler.assemble(DAY, List.of(file("g.md", "普通",
                "**[05:45]** 财联社1月6日电，英伟达推出Alpamayo模型。\n\n**[05:45]** 【英伟达推出全新AI工具】财联社1月6日电，英伟达推出Alpamayo。\n\n"
                        + "**[05:45]** 财联社1月6日电，英伟达推出Alpamayo模型。\n")));
        assertEquals(3, day.items().size());
        List<String> ids = day.items().stream().map(Item::id).toList();
        assertEquals(3, new HashSet<>(ids).size(), ids.toString());
        assertEquals(ids.get(0) + "-2", ids.get(2));
    }

    /** The feed rewrites the open day's file as it grows: earlier snapshots are prefixes. */
    @Test
    void idsAreStableAsARealDayFileGrows() throws IOException {
        byte[] general = Files.readAllBytes(TestCorpus.newspaperFile("CLS_2026-01-06_General.md"));
        byte[] major = Files.readAllBytes(TestCorpus.newspaperFile("CLS_2026-01-06_Major.md"));
        Day full = assembler.assemble(DAY, List.of(reader.read("g.md", general), reader.read("m.md", major)));
        Map<String, String> idByRawAndTime = full.items().stream()
                .collect(Collectors.toMap(i -> i.time() + i.raw(), Item::id, (a, b) -> a));
        assertEquals(full.items().size(), full.items().stream().map(Item::id).distinct().count());
        for (double fraction : new double[] {0.05, 0.2, 0.5, 0.77, 0.99}) {
            byte[] cutG = cutAtLine(general, fraction);
            byte[] cutM = cutAtLine(major, fraction);
            Day partial = assembler.assemble(DAY, List.of(reader.read("g.md", cutG), reader.read("m.md", cutM)));
            assertTrue(partial.items().size() < full.items().size());
            // A re-posted item shows its latest version; earlier ones keep their ids inside it.
            Set<String> fullIds = full.items().stream()
                    .flatMap(i -> Stream.concat(Stream.of(i.id()), i.versions().stream().map(Version::id)))
                    .collect(Collectors.toSet());
            for (Item item : partial.items()) {
                assertTrue(fullIds.contains(item.id()), "id changed at " + fraction + ": " + item.raw());
                String kept = idByRawAndTime.get(item.time() + item.raw());
                assertTrue(kept == null || kept.equals(item.id()), item.raw());
            }
        }
    }

    @Test
    void aLineCutInTheMiddleIsStillAnItemWithItsOwnId() {
        String whole = "**[05:49]** 【标题】财联社1月6日电，完整的正文。\n";
        Day cut = assembler.assemble(DAY, List.of(file("g.md", "普通", whole.substring(0, 20))));
        Day full = assembler.assemble(DAY, List.of(file("g.md", "普通", whole)));
        assertEquals(1, cut.items().size());
        assertNotEquals(full.items().get(0).id(), cut.items().get(0).id());
    }

    private static byte[] cutAtLine(byte[] bytes, double fraction) {
        int cut = (int) (bytes.length * fraction);
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        return java.util.Arrays.copyOf(bytes, cut);
    }

    @Test
    void realDayHasEveryItemOfBothFilesOnce() throws IOException {
        DayFile g = reader.read(TestCorpus.newspaperFile("CLS_2026-01-16_General.md"));
        DayFile m = reader.read(TestCorpus.newspaperFile("CLS_2026-01-16_Major.md"));
        Day day = assembler.assemble(LocalDate.of(2026, 1, 16), List.of(g, m));
        Set<String> keys = new HashSet<>();
        for (DayFile f : List.of(g, m)) {
            f.items().forEach(i -> keys.add(i.time() + new ItemTextParser().parse(i.text()).text()));
        }
        assertEquals(keys.size(), day.items().size() + day.items().stream().mapToInt(i -> i.versions().size()).sum());
        assertEquals(day.duplicates().reposts(), day.items().stream().mapToInt(i -> i.versions().size()).sum());
        assertTrue(day.items().stream().anyMatch(i -> i.level() == Level.A), "the 🔴 items of 2026-01-16");
        Function<Item, String> key = i -> i.time().toLocalTime() + i.fullText();
        assertEquals(day.items().size(), day.items().stream().map(key).distinct().count());
    }
}
