package telegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeadTest {

    @Test
    void aBodyOfOneShortSentenceIsItsOwnHeadlineWithoutItsFullStop() {
        String body = "英伟达为能够“思考”类交通工具推出Alpamayo模型。";
        assertEquals(new Lead("英伟达为能够“思考”类交通工具推出Alpamayo模型", body.length()), Lead.of(body));
    }

    @Test
    void theFirstSentenceEndsTheHeadlineAndTheRestGoesOnAfterIt() {
        String body = "美国12月CPI同比上涨2.7%。预期2.7%，前值2.7%。";
        Lead lead = Lead.of(body);
        assertEquals("美国12月CPI同比上涨2.7%…", lead.headline());
        assertEquals("预期2.7%，前值2.7%。", body.substring(lead.end()));
    }

    @Test
    void aLongSentenceIsCutAtItsLastCommaBeforeTheLimitNotMidPhrase() {
        String body = "国务院常务会议今日召开，部署进一步做好稳就业工作，研究推动消费持续恢复的政策措施，会议指出要加大力度。";
        Lead lead = Lead.of(body);
        assertEquals("国务院常务会议今日召开，部署进一步做好稳就业工作…", lead.headline());
        assertEquals("研究推动消费持续恢复的政策措施，会议指出要加大力度。", body.substring(lead.end()));
    }

    @Test
    void aShortOpeningClauseTakesTheNextOneAndMarksInsideQuotesDoNotCut() {
        assertEquals("据悉，该公司今日宣布回购股份…", Lead.of("据悉，该公司今日宣布回购股份。回购金额不超过1亿元。").headline());
        assertEquals("发言人称“坚决反对。停止挑衅。”将采取措施…", Lead.of("发言人称“坚决反对。停止挑衅。”将采取措施。后续另有表态。").headline());
    }

    @Test
    void anOpeningThatOnlyNamesASpeakerRunsOnToTheNextMarkWithinTheLongestHeadline() {
        assertEquals("美国财长贝森特表示，认为美国总统特朗普将在一月份决定美联储主席人选…",
                Lead.of("美国财长贝森特表示，认为美国总统特朗普将在一月份决定美联储主席人选，并称人选名单已缩小。").headline());
        assertEquals("Melius Research将英伟达目标价从320美元上调至350美元…",
                Lead.of("Melius Research将英伟达目标价从320美元上调至350美元，将IBM目标价从350美元上调至400美元。").headline(),
                "not cut inside a number");
    }

    @Test
    void textWithNoMarkWithinTheLimitIsCutThereWithAnEllipsisAndWholeCharacters() {
        String body = "甲".repeat(Lead.MAX - 1) + "😀" + "乙".repeat(10);
        Lead lead = Lead.of(body);
        assertEquals("甲".repeat(Lead.MAX - 1) + "…", lead.headline(), "the emoji's halves stay together");
        assertEquals("😀" + "乙".repeat(10), body.substring(lead.end()));
        assertEquals("据报道，印度央行已对Bain Capital收购…",
                Lead.of("据报道，印度央行已对Bain Capital收购Manappuram Finance部分股份的交易给予批准").headline(),
                "not inside a Latin word");
        assertEquals(new Lead("", 0), Lead.of(""));
    }
}
