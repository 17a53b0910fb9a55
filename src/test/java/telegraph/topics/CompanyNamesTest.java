package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole names only, with invented names and codes: no match inside a longer name, nor across two. */
class CompanyNamesTest {

    private static final CompanyNames NAMES = new CompanyNames(Map.of(
            "100001.SH", List.of("中华平安"),
            "100002.SZ", List.of("平安银河"),
            "100003.SH", List.of("中华平安银河"),
            "200001.SZ", List.of("东方星辰"),
            "300001.SH", List.of("北极光电", "北极光科"),
            "03001.HK", List.of("北极光电"),
            "ABCD.O", List.of("ABC", "苹果")));

    @Test
    void aNameInsideALongerKnownNameIsNotIt() {
        assertEquals(Set.of("100003.SH"), NAMES.named("中华平安银河发布公告"));
        assertEquals(Set.of("100001.SH", "100002.SZ"), NAMES.named("平安银河与中华平安均上涨"));
    }

    @Test
    void twoNamesOfDifferentCompaniesThatOverlapNameNeither() {
        CompanyNames names = new CompanyNames(Map.of("100001.SH", List.of("中华平安"), "100002.SZ", List.of("平安银河")));
        assertEquals(Set.of(), names.named("中华平安银河发布公告"));
        assertEquals(Set.of("100002.SZ"), names.named("平安银河发布公告"));
    }

    @Test
    void aNameSharedByShareClassesNamesEveryClass() {
        assertEquals(Set.of("300001.SH", "03001.HK"), NAMES.named("北极光电午后涨停"));
        assertEquals(Set.of("300001.SH"), NAMES.named("北极光科午后涨停"));
    }

    @Test
    void shortNamesAndLatinNamesInsideWordsDoNotCount() {
        assertEquals(Set.of(), NAMES.named("苹果期货价格上涨"), "two characters: too common");
        assertEquals(Set.of(), NAMES.named("ABCDE指数"));
        assertEquals(Set.of("ABCD.O"), NAMES.named("ABC发布新品"));
        assertEquals(Set.of(), NAMES.named("东方星"), "a name cut short");
        assertEquals(Set.of("200001.SZ"), NAMES.named("东方星辰"));
    }
}
