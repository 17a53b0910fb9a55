package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a theme, on invented texts. */
class KeywordMatcherTest {

    private static boolean matches(Theme theme, String text) {
        BitSet found = new KeywordMatcher(List.of(theme)).match(text);
        return found.get(0);
    }

    private static Theme theme(List<String> keywords, List<String> exclude, List<Theme.Context> context,
                               List<String> require) {
        return new Theme("t", "t", keywords, exclude, context, require);
    }

    @Test
    void aKeywordCountsAnywhereInAnyCase() {
        Theme t = theme(List.of("OpenAI", "大模型"), List.of(), List.of(), List.of());
        assertEquals(true, matches(t, "据报道，openai将发布新品"));
        assertEquals(true, matches(t, "【某公司发布大模型】"));
        assertEquals(false, matches(t, "与此无关"));
    }

    @Test
    void aKeywordInsideANamesakeDoesNotCountThereButStillCountsElsewhere() {
        Theme t = theme(List.of("央行"), List.of("欧洲央行", "日本央行"), List.of(), List.of());
        assertEquals(false, matches(t, "欧洲央行维持利率不变。"));
        assertEquals(false, matches(t, "欧洲央行与日本央行同日表态。"));
        assertEquals(true, matches(t, "欧洲央行维持利率不变；央行今日开展逆回购操作。"));
    }

    @Test
    void aContextWordCountsOnlyBesideAQualifierInTheSameSentence() {
        Theme t = theme(List.of(), List.of(), List.of(new Theme.Context(List.of("降息"), List.of("人民银行", "LPR"))),
                List.of());
        assertEquals(true, matches(t, "人民银行宣布降息25个基点。"));
        assertEquals(true, matches(t, "市场预期LPR随降息下调"));
        assertEquals(false, matches(t, "美联储官员称年内或降息。"));
        assertEquals(false, matches(t, "人民银行发布数据。美联储官员称年内或降息。"), "the qualifier is in another sentence");
        assertEquals(false, matches(t, "【人民银行发布数据】美联储或降息"), "a title is a sentence of its own");
        assertEquals(false, matches(t, "①人民银行发布数据②美联储或降息"), "so is each numbered point");
    }

    @Test
    void aQualifierInsideANamesakeDoesNotQualify() {
        Theme t = theme(List.of(), List.of("日本央行"),
                List.of(new Theme.Context(List.of("降息"), List.of("央行"))), List.of());
        assertEquals(false, matches(t, "日本央行宣布降息。"));
        assertEquals(true, matches(t, "央行宣布降息。"));
    }

    @Test
    void requiredWordsMustAlsoBeInTheItem() {
        Theme t = theme(List.of("无人机"), List.of(), List.of(), List.of("低空", "物流"));
        assertEquals(false, matches(t, "前线遭无人机袭击。"));
        assertEquals(true, matches(t, "无人机物流配送试点启动。"));
        assertEquals(true, matches(t, "无人机企业发布新品。发展低空经济。"), "anywhere in the item");
    }

    @Test
    void themesAreMatchedIndependently() {
        Theme a = new Theme("a", "a", List.of("黄金"), List.of("黄金周"), List.of(), List.of());
        Theme b = new Theme("b", "b", List.of("黄金周"), List.of(), List.of(), List.of());
        BitSet found = new KeywordMatcher(List.of(a, b)).match("国庆黄金周出游人数创新高");
        assertEquals(false, found.get(0));
        assertEquals(true, found.get(1));
    }
}
