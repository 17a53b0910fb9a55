package telegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import telegraph.model.Problem;
import telegraph.parse.DayFileReader;

/** Problems are shown in Chinese, with what the reason quotes kept as found. */
class ProblemReasonsTest {

    /** Day files with one fault each, as the readers meet them. */
    private static final List<String> FAULTY = List.of(
            "# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n没有时间。\n\n**[25:99]** 错。\n\n**[07:00]**\n",
            "# 财联社【普通】电报 - 2026-02-30\n> 统计周期：2026-02-30 05:30 至次日 05:30\n\n**[07:00]** 一条。\n",
            "# 财联社【普通】电报 - 2026-01-06\n\n**[07:00]** 一条。\n",
            "# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-05 05:30 至次日 05:30\n\n**[07:00]** 一条。\n",
            "# 财联社【特别】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n**[07:00]** 一条。\n",
            "随便一些文字\n**[07:00]** 一条。\n",
            "");

    @Test
    void everyReasonAFaultyFileGetsReadsInChinese() {
        List<Problem> problems = new ArrayList<>();
        for (String file : FAULTY) {
            problems.addAll(new DayFileReader().read("CLS_x.md", file.getBytes(StandardCharsets.UTF_8)).problems());
        }
        problems.addAll(new DayFileReader().read("CLS_2026-01-06_General.md", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})
                .problems());
        assertFalse(problems.size() < FAULTY.size() + 2, "each file has a problem: " + problems);
        for (Problem p : problems) {
            String shown = ProblemView.of(p).reason();
            // English words may only remain inside what the reason quotes from the file
            String unquoted = shown.replaceAll("“[^”]*”|（[^）]*）|\\[[^]]*]", "");
            assertFalse(unquoted.matches("(?s).*[A-Za-z]{4,}.*"), p.reason() + " → " + shown);
        }
    }

    @Test
    void whatTheReasonQuotesIsKept() {
        assertEquals("时间 [25:99] 超出范围", ProblemReasons.chinese("time [25:99] out of range"));
        assertEquals("标题称有 12 条，文件中只有 10 条（被截断？）",
                ProblemReasons.chinese("heading counts 12 items, the file has 10 (cut short?)"));
        assertEquals("a reason no table knows", ProblemReasons.chinese("a reason no table knows"));
    }
}
