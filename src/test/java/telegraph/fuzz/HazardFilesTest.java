package telegraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.cli.BuildOptions;
import telegraph.cli.CommandRun;
import telegraph.cli.ExitCodes;
import telegraph.export.ExportFiles;

/**
 * One build of the repository's hand-made files, one for each hazard of the format, in every
 * layout (src/test/resources/hazards): what the real archives show, checked on data the
 * repository may carry.
 */
class HazardFilesTest {

    private static final Path HAZARDS = Path.of("src/test/resources/hazards");

    @TempDir
    static Path dir;
    private static CommandRun build;
    private static Map<String, JsonNode> byTitle;
    private static List<JsonNode> items;

    @BeforeAll
    static void buildTheHazards() throws IOException {
        Path site = dir.resolve("site");
        build = CommandRun.of("build", "--content", HAZARDS.resolve("newspaper").toString(), "--content",
                HAZARDS.resolve("echo").toString(), "--content", HAZARDS.resolve("feishu").toString(), "--out", site.toString());
        items = ExportFiles.items(site);
        byTitle = new LinkedHashMap<>();
        items.forEach(i -> byTitle.put(i.path("title").asText(i.path("body").asText()), i));
    }

    @Test
    void unreadableLinesAreReportedOneLineEachAndTheBuildIsExit1() {
        assertEquals(ExitCodes.INPUT_PROBLEMS, build.code());
        assertEquals(List.of(
                "echo/2026-03-20.jsonl:3: malformed JSON: Unexpected character ('b' (code 98)): was expecting double-quote to start field name",
                "newspaper/CLS_2026-03-18_General.md:28: not an item: expected '**[HH:MM]** text'",
                "newspaper/CLS_2026-03-18_General.md:30: time [25:99] out of range",
                "newspaper/CLS_2026-03-19_General.md:1: not valid UTF-8; read as GB18030 (GBK)",
                BuildOptions.RELATIVE_FEEDS),
                build.err().lines().filter(l -> !l.startsWith("  … ")).toList(), "problems, progress lines aside");
        assertTrue(build.out().contains("3 days (3 rebuilt), 17 items"), build.out());
    }

    @Test
    void markdownSignificantTextStaysAsWritten() {
        JsonNode st = byTitle.get("*ST沐邦：收到监管工作函");
        assertEquals("*ST沐邦(603398.SH)公告，公司收到监管工作函；蓝思科技>佐力药业，预计增长30%~35%，#话题 _下划线_ [方括号]。",
                st.get("body").asText());
        assertEquals("独家|鸿蒙智行新车发布", byTitle.get("独家|鸿蒙智行新车发布").get("title").asText());
        assertEquals("【点金互动易】太空算力+商业航天，公司产品已供货",
                byTitle.get("【点金互动易】太空算力+商业航天，公司产品已供货").get("title").asText(), "nested brackets kept");
    }

    @Test
    void entitiesAreDecodedOnceAndInvisibleCharactersLeaveTheTextButNotTheRawField() {
        JsonNode entities = byTitle.get("独家|鸿蒙智行新车发布");
        assertEquals("陶瓷外壳&amp;基板需求上升，\"睿”系列发布。", entities.get("body").asText());
        assertEquals("《科创板日报》18日讯，", entities.get("dateline").asText());
        assertEquals("财联社记者 李婷", entities.get("source").asText());
        assertEquals("双方就关税达成协议。", byTitle.get("中美达成协议").get("body").asText());
        assertTrue(byTitle.get("中美达成协议").get("raw").asText().contains("\u0000"));
        JsonNode invisible = byTitle.get("央行公开市场操作");
        assertEquals("央行开展逆回购操作，利率持平。", invisible.get("body").asText());
        assertTrue(invisible.get("raw").asText().contains("\ufeff财联社") && invisible.get("raw").asText().contains("\ue000"));
    }

    @Test
    void bothChannelsRepostsNearDuplicatesAndTheMidnightRolloverAreFoldedAsDocumented() {
        JsonNode both = byTitle.get("美联储维持利率不变");
        assertEquals("[\"general\",\"major\"]", both.get("channels").toString());
        assertEquals("B", both.get("level").asText());
        assertEquals(1, items.stream().filter(i -> i.path("title").asText().equals("美联储维持利率不变")).count());
        JsonNode repost = byTitle.get("沪指高开");
        assertEquals("沪指高开0.2%。", repost.get("versions").get(0).get("body").asText(), "the earlier version kept inside");
        assertEquals(2, items.stream().filter(i -> i.get("time").asText().startsWith("2026-03-18T05:45"))
                .filter(i -> i.path("related").size() == 1).count(), "the two 05:45 items linked, neither hidden");
        JsonNode midnight = byTitle.get("隔夜美股收盘");
        assertEquals("2026-03-19T00:01:00+08:00", midnight.get("time").asText());
        assertEquals("2026-03-18", midnight.get("date").asText(), "on the page of its window day");
        assertEquals("A", byTitle.get("国务院常务会议召开").get("level").asText());
        assertEquals("这个文件用GBK写成。", byTitle.get("国标编码").get("body").asText());
    }

    @Test
    void theSameItemFromThreeArchivesIsOneKeepingTheRichestFields() {
        JsonNode merged = byTitle.get("沪指窄幅震荡");
        assertEquals(3, merged.get("sources").size(), merged.toString());
        assertEquals("3000002", merged.get("clsId").asText());
        assertEquals("2026-03-20T09:31:05+08:00", merged.get("time").asText());
        assertEquals("[\"A股盘面直播\"]", merged.get("subjects").toString());
        assertEquals("2026-03-19", byTitle.get("欧洲股市收盘涨跌不一。").get("date").asText(),
                "a calendar-day file's item before 05:30 is on the previous window day");
    }

    @Test
    void everyStampedLineIsShown() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(HAZARDS)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
                    .toList()) {
                files.put(f.toString(), Files.readAllBytes(f));
            }
        }
        assertFalse(files.isEmpty());
        FuzzedBuildsTest.assertAllShown(files, dir.resolve("site"), "hazard files");
    }
}
