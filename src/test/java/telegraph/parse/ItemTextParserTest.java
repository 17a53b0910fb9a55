package telegraph.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import telegraph.model.StockCode;

/** One test per hazard of FORMAT.md inside an item's text, with the exact expected parts. */
class ItemTextParserTest {

    private final ItemTextParser parser = new ItemTextParser();

    @Test
    void titleDatelineBodySource() {
        ItemParts p = parser.parse("【美防长：参与对委内瑞拉行动的人数不到200人】财联社1月6日电，美国国防部长赫格塞思表示，部队人数不到200人。 (央视新闻)");
        assertEquals("美防长：参与对委内瑞拉行动的人数不到200人", p.title());
        assertEquals("财联社1月6日电，", p.dateline());
        assertEquals("美国国防部长赫格塞思表示，部队人数不到200人。", p.body());
        assertEquals("央视新闻", p.source());
        assertFalse(p.red());
    }

    @Test
    void nestedTitleKeepsInnerBrackets() {
        ItemParts p = parser.parse("【【点金互动易】太空算力+商业航天，公司产品已应用】财联社1月6日电，正文。");
        assertEquals("【点金互动易】太空算力+商业航天，公司产品已应用", p.title());
        assertEquals("正文。", p.body());
    }

    @Test
    void unbalancedBracketIsNotATitle() {
        ItemParts p = parser.parse("【没有闭合的标题财联社1月6日电，正文。");
        assertEquals("", p.title());
        assertEquals("【没有闭合的标题财联社1月6日电，正文。", p.body());
    }

    @Test
    void otherOutletDateline() {
        ItemParts p = parser.parse("《科创板日报》7日讯，英伟达发布新品。");
        assertEquals("", p.title());
        assertEquals("《科创板日报》7日讯，", p.dateline());
        assertEquals("英伟达发布新品。", p.body());
    }

    @Test
    void noTitleStartsWithDateline() {
        ItemParts p = parser.parse("财联社1月7日电，环球音乐与英伟达合作开展人工智能音乐创作与研究。");
        assertEquals("财联社1月7日电，", p.dateline());
        assertEquals("环球音乐与英伟达合作开展人工智能音乐创作与研究。", p.body());
        assertEquals("", p.source());
    }

    @Test
    void redMarkerAndBoldWrappingOfTopLevelItems() {
        ItemParts p = parser.parse("🔴 **【证监会：坚决防止市场大起大落】财联社1月16日电，正文。**");
        assertTrue(p.red());
        assertEquals("证监会：坚决防止市场大起大落", p.title());
        assertEquals("正文。", p.body());
    }

    @Test
    void stockCodesOfEveryExchangeAndStName() {
        ItemParts p = parser.parse("财联社1月6日电，贵州茅台(600519.SH)、东方园林(002310.SZ)、*ST沐邦(603398.SH)、"
                + "林泰新材(920106.BJ)与(00670.HK)、英伟达(NVDA.O)均有公告，贵州茅台(600519.SH)再次提及。");
        assertEquals(List.of(
                new StockCode("600519.SH", "贵州茅台"), new StockCode("002310.SZ", "东方园林"),
                new StockCode("603398.SH", "*ST沐邦"), new StockCode("920106.BJ", "林泰新材"),
                new StockCode("00670.HK", ""), new StockCode("NVDA.O", "英伟达")), p.stocks());
        assertEquals("600519", p.stocks().get(0).number());
        assertEquals("HK", p.stocks().get(4).exchange());
    }

    @Test
    void hongKongShareClassSuffixBelongsToTheName() {
        ItemParts p = parser.parse("财联社5月26日电，MINIMAX-WP(00100.HK)与阿里巴巴-SW(09988.HK)均上涨。");
        assertEquals(List.of(new StockCode("00100.HK", "MINIMAX-WP"), new StockCode("09988.HK", "阿里巴巴-SW")), p.stocks());
    }

    /** The fragments the 50 real files gave as names before, and names that hold a marker-like word. */
    @Test
    void aClauseBeforeTheNameIsNotPartOfIt() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("花旗就东亚银行（00023.HK）", "东亚银行");
        cases.put("高盛就港交所（00388.HK）", "港交所");
        cases.put("花旗发布就小米集团-W（01810.HK）", "小米集团-W");
        cases.put("加拿大皇家银行将星巴克（SBUX.O）", "星巴克");
        cases.put("杰富瑞将波音（BA.N）", "波音");
        cases.put("潮玩龙头泡泡玛特（9992.HK）", "泡泡玛特");
        cases.put("券商发布关于阿里巴巴-SW（09988.HK）", "阿里巴巴-SW");
        cases.put("中信证券给予台积电（TSM.N）", "台积电");
        cases.put("华尔街金融巨头摩根士丹利（MS.N）", "摩根士丹利");
        cases.put("关于MINIMAX-WP（00100.HK）", "MINIMAX-WP");
        cases.put("Applied Optoelectronics（AAOI.O）", "");
        cases.put("World Liberty Financial（WLFI.US）", "");
        cases.put("和MINIMAX-WP（00100.HK）", "MINIMAX-WP");
        cases.put("小米同TCL科技（000100.SZ）", "TCL科技");
        cases.put("和邦生物（603077.SH）", "和邦生物");
        cases.put("同洲电子（002052.SZ）", "同洲电子");
        cases.put("龙头股份（600630.SH）", "龙头股份");
        cases.put("万和电气（002543.SZ）", "万和电气");
        cases.put("万向钱潮（000559.SZ）", "万向钱潮");
        cases.put("中国奥园集团股份有限公司（03883.HK）", "中国奥园集团股份有限公司");
        cases.put("*ST沐邦（603398.SH）", "*ST沐邦");
        cases.forEach((text, name) -> assertEquals(name, parser.parse("财联社1月6日电，" + text + "公告。")
                .stocks().get(0).name(), text));
    }

    @Test
    void trailingStockCodeIsNotASource() {
        ItemParts p = parser.parse("财联社1月6日电，公告称中标项目。 (600519.SH)");
        assertEquals("", p.source());
        assertEquals("公告称中标项目。 (600519.SH)", p.body());
    }

    @Test
    void fullWidthBylineIsTheSource() {
        ItemParts p = parser.parse("财联社1月6日电，记者获悉此事。（财联社记者 李婷）");
        assertEquals("财联社记者 李婷", p.source());
        assertEquals("记者获悉此事。", p.body());
    }

    @Test
    void listsStayInTheBodyText() {
        ItemParts p = parser.parse("【周二重点关注】 ①待定 国内成品油调价； ②15:45 法国CPI； ③16:50 法国PMI。");
        assertEquals("①待定 国内成品油调价； ②15:45 法国CPI； ③16:50 法国PMI。", p.body());
    }

    @Test
    void htmlEntitiesDecodedExactlyOnce() {
        assertEquals("陶瓷外壳&基板", parser.parse("陶瓷外壳&amp;基板").body());
        assertEquals("\"睿”", parser.parse("&quot;睿”").body());
        assertEquals("AT&amp;T", parser.parse("AT&amp;amp;T").body());
        assertEquals("R&D投入", parser.parse("R&D投入").body());
    }

    @Test
    void invisibleAndControlCharactersRemovedTextKept() {
        ItemParts p = parser.parse("【百度推动大模型】\uFEFF财联社3月18日电，美国希望与伊朗达成协议\u0000。\u200C\u200E\uE000完");
        assertEquals("百度推动大模型", p.title());
        assertEquals("财联社3月18日电，", p.dateline());
        assertEquals("美国希望与伊朗达成协议。完", p.body());
    }

    @Test
    void markdownLookingTextIsKeptLiterally() {
        String text = "*ST沐邦与**ST华微 蓝思科技>佐力药业，【独家|鸿蒙智行】涨幅30%~35%，#话题# a_b_c [见附件] > 引用";
        ItemParts p = parser.parse(text);
        assertEquals(text, p.body());
    }
}
