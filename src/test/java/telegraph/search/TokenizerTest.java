package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void chineseRunsGiveOverlappingBigramsAndLoneCharactersNothing() {
        assertEquals(List.of("英伟", "伟达", "机器", "器人"), Tokenizer.tokens("英伟达 机器人"));
        assertEquals(List.of(), Tokenizer.tokens("美 日"));
    }

    @Test
    void stockCodesAreFoundWholeAndByTheirNumber() {
        assertEquals(List.of("贵州", "州茅", "茅台", "600519", "sh", "600519.sh"), Tokenizer.tokens("贵州茅台(600519.SH)"));
    }

    @Test
    void fullWidthAsciiIsFoldedBeforeWordsAndDotsAreSeen() {
        // full-width digits, letters and the full-width full stop count as their ASCII forms
        assertEquals(List.of("600519", "sh", "600519.sh"), Tokenizer.tokens("６００５１９．ＳＨ"));
        assertEquals(List.of("hbm4"), Tokenizer.tokens("ＨＢＭ4"));
    }

    @Test
    void repeatsAreKeptForCountingButNotInQueries() {
        assertEquals(List.of("公司", "公司", "ai"), Tokenizer.tokens("公司，公司 AI"));
        assertEquals(List.of("公司", "ai"), Tokenizer.queryTokens("公司 公司 AI"));
    }

    @Test
    void charactersOutsideTheBasicPlaneSeparateTokens() {
        assertEquals(List.of("中国", "日本"), Tokenizer.tokens("中国\uD83D\uDE00日本"));
    }
}
