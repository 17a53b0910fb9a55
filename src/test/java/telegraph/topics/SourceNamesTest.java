package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outlets from the trailing sources the real files carry: reporters cut, 财联社's own bylines none. */
class SourceNamesTest {

    @Test
    void aBylineCreditsItsOutletWithoutTheReporter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("界面新闻 侯瑞宁", "界面新闻");
        cases.put("蓝鲸新闻 李卓玲", "蓝鲸新闻");
        cases.put("界面新闻记者 李家琦", "界面新闻");
        cases.put("界面新闻 记者高菁", "界面新闻");
        cases.put("蓝鲸科技记者 翟智超", "蓝鲸科技");
        cases.put("财联社记者 王俊仙 卢阿峰", "");
        cases.put("财联社 梓隆", "");
        cases.put("记者 黄心怡", "");
        cases.put("央视新闻", "央视新闻");
        cases.put("CCTV国际时讯", "CCTV国际时讯");
        cases.put("上证报", "上海证券报");
        cases.put("南方+", "南方+");
        cases.forEach((source, outlet) -> assertEquals(outlet, SourceNames.fromSource(source), source));
    }
}
