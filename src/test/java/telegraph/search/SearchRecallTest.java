package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import telegraph.model.Item;
import telegraph.search.SearchFixture.Indexed;

/**
 * The queries of {@code search/queries.json} on the 50 real files, answered by brute force: a
 * scan of every item's text, and of its earlier versions' texts, with the query language of
 * search.md, written here on its own (regular expressions, not the page's code). Checks that the written index holds, for every
 * token such a query needs, exactly the items whose text holds it (so no result can be missed and
 * the directory's counts are exact), and hands the expected ids, in both orders, with their
 * count, to the Node test, which runs the page's search over the same files and must find the same.
 */
@Tag("integration")
class SearchRecallTest {

    /** A query and its filters, as in queries.json. */
    record Query(String q, String day, String topic, Boolean major, String from, String to) {
    }

    private static final String HAN = "\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}";
    private static final Pattern TERM = Pattern.compile("(-?)(?:\"([^\"]*)\"?|(\\S+))", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUN = Pattern.compile("[" + HAN + "]+|[a-z0-9]+");
    private static final int PREFIX_MAX = 10;

    private record Term(List<String> words, boolean negative) {
    }

    private static final List<Map<String, Object>> EXPECTED = new ArrayList<>();
    private static Map<String, Integer> df;

    static List<Query> queries() throws IOException {
        try (InputStream in = SearchRecallTest.class.getResourceAsStream("/search/queries.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Query>>() { });
        }
    }

    /** Full-width ASCII to ASCII, A–Z to a–z, nothing else. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            char f = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
            sb.append(f >= 'A' && f <= 'Z' ? (char) (f + 32) : f);
        }
        return sb.toString();
    }

    private static List<Term> terms(String query) {
        List<Term> terms = new ArrayList<>();
        Matcher m = TERM.matcher(fold(query).replace('\u201C', '"').replace('\u201D', '"'));
        while (m.find()) {
            String text = m.group(2) != null ? m.group(2) : m.group(3);
            List<String> words = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS).splitAsStream(text.strip())
                    .filter(w -> !w.isEmpty()).toList();
            if (!words.isEmpty()) {
                terms.add(new Term(words, !m.group(1).isEmpty()));
            }
        }
        return terms;
    }

    /** Index tokens a term needs: Han bigrams, whole words, and the last word as typed so far. */
    private static List<String> tokensOf(Term term) {
        List<String> out = new ArrayList<>();
        for (int w = 0; w < term.words().size(); w++) {
            String word = term.words().get(w);
            Matcher run = RUN.matcher(word);
            while (run.find()) {
                String r = run.group();
                if (Character.isLetterOrDigit(r.charAt(0)) && r.charAt(0) < 0x80) {
                    boolean typedSoFar = w == term.words().size() - 1 && run.end() == word.length();
                    if (r.length() > 1) {
                        out.add(r.substring(0, Math.min(r.length(), PREFIX_MAX)) + "*");
                    } else if (!typedSoFar) {
                        out.add(r);
                    }
                } else {
                    for (int i = 0; i + 2 <= r.length(); i++) {
                        out.add(r.substring(i, i + 2));
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(String folded, Term term) {
        StringBuilder regex = new StringBuilder();
        if (term.words().get(0).matches("^[a-z0-9].*")) {
            regex.append("(?<![a-z0-9])");
        }
        for (int i = 0; i < term.words().size(); i++) {
            regex.append(i == 0 ? "" : "[^a-z0-9" + HAN + "]+").append(Pattern.quote(term.words().get(i)));
        }
        return Pattern.compile(regex.toString()).matcher(folded).find();
    }

    private static boolean accepts(Indexed x, Query q, List<Term> terms) {
        String date = x.item().windowDate().toString();
        if (q.day() != null && !date.equals(q.day()) || q.from() != null && date.compareTo(q.from()) < 0
                || q.to() != null && date.compareTo(q.to()) > 0 || Boolean.TRUE.equals(q.major()) && !x.item().isMajor()
                || q.topic() != null && !x.topics().contains(q.topic())) {
            return false;
        }
        return holds(SearchText.of(x.item()), terms) || SearchText.versions(x.item()).stream().anyMatch(v -> holds(v, terms));
    }

    /** Whether one text, the item's own or one earlier version's, holds the query. */
    private static boolean holds(String text, List<Term> terms) {
        String folded = fold(text);
        return terms.stream().allMatch(t -> matches(folded, t) != t.negative());
    }

    /** Every token an item holds: its own text's and its earlier versions'. */
    private static Set<String> indexTokens(Item item) {
        Set<String> tokens = new LinkedHashSet<>(Tokenizer.indexTokens(SearchText.of(item)));
        SearchText.versions(item).forEach(v -> tokens.addAll(Tokenizer.indexTokens(v)));
        return tokens;
    }

    private static synchronized Map<String, Integer> df() {
        if (df == null) {
            df = new HashMap<>();
            for (Indexed x : SearchFixture.items()) {
                indexTokens(x.item()).forEach(t -> df.merge(t, 1, Integer::sum));
            }
        }
        return df;
    }

    private static long score(Indexed x, List<String> scored) {
        String text = SearchText.of(x.item());
        List<String> words = Tokenizer.tokens(text);
        Map<String, Integer> counts = new HashMap<>();
        Tokenizer.indexTokens(text).forEach(t -> counts.merge(t, 1, Integer::sum));
        int n = SearchFixture.items().size();
        long total = 0;
        for (String t : scored) {
            Integer count = counts.get(t);
            if (count != null) {
                long tf = Math.max(1, Math.round(100 * Math.sqrt((double) count / Math.max(1, words.size()))));
                if (t.endsWith("*") && words.contains(t.substring(0, t.length() - 1))) {
                    tf += 100;
                }
                total += tf * Math.round(100 * (1 + StrictMath.log((double) n / (df().getOrDefault(t, 0) + 1))));
            }
        }
        return total;
    }

    @ParameterizedTest
    @MethodSource("queries")
    void theIndexHoldsExactlyTheItemsOfEveryTokenAQueryNeeds(Query q) {
        List<Indexed> items = SearchFixture.items();
        IndexReader reader = new IndexReader(SearchFixture.SITE.resolve("search"));
        List<Term> terms = terms(q.q());
        Set<String> needed = new LinkedHashSet<>();
        terms.stream().filter(t -> !t.negative()).forEach(t -> needed.addAll(tokensOf(t)));
        if (q.topic() != null) {
            needed.add(SearchIndexOutput.TOPIC_MARK + q.topic());
        }
        for (String token : needed) {
            Set<String> holders = items.stream().filter(x -> token.startsWith("~")
                    ? x.topics().contains(token.substring(1))
                    : indexTokens(x.item()).contains(token))
                    .map(x -> x.item().id()).collect(Collectors.toCollection(TreeSet::new));
            IndexReader.Holders found = reader.holders(token);
            assertEquals(holders, found.ids(), q.q() + ": items of token " + token);
            assertEquals(holders.size(), found.df(), q.q() + ": directory count of token " + token);
        }
        synchronized (EXPECTED) {
            EXPECTED.add(expected(q));
        }
    }

    /**
     * The query's results by brute force: {query, count, new: ids newest first, best: ids best
     * first, earlier: ids of the hits whose own text does not hold the query, only an earlier version's}.
     */
    static Map<String, Object> expected(Query q) {
        List<Term> terms = terms(q.q());
        Set<String> scoredTokens = new LinkedHashSet<>();
        terms.stream().filter(t -> !t.negative()).forEach(t -> scoredTokens.addAll(tokensOf(t)));
        List<String> scored = List.copyOf(scoredTokens);
        boolean indexed = !scored.isEmpty();
        List<Indexed> items = SearchFixture.items();
        List<Indexed> hits = indexed ? items.stream().filter(x -> accepts(x, q, terms)).toList() : List.of();
        Comparator<Indexed> newest = Comparator.comparing(Indexed::month).thenComparingInt(Indexed::ref).reversed();
        Map<Indexed, Long> scores = hits.stream().collect(Collectors.toMap(x -> x, x -> score(x, scored)));
        List<Indexed> best = hits.stream().sorted(Comparator.comparingLong((Indexed x) -> -scores.get(x)).thenComparing(newest))
                .toList();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("query", q);
        expected.put("count", hits.size());
        // the results per month (YYYY-MM, months with results only), which exact totals give too
        expected.put("months", hits.stream().collect(Collectors.groupingBy(x -> x.month().toString(), TreeMap::new,
                Collectors.summingInt(x -> 1))));
        expected.put("new", hits.stream().sorted(newest).map(x -> x.item().id()).toList());
        expected.put("best", best.stream().map(x -> x.item().id()).toList());
        expected.put("earlier", hits.stream().sorted(newest).filter(x -> !holds(SearchText.of(x.item()), terms))
                .map(x -> x.item().id()).toList());
        return expected;
    }

    /**
     * A real re-posted item: the feed re-posted 伊朗军方表示将捍卫国家利益 at 00:41 (in the
     * 2026-01-10 file) with a shorter text; the earlier version, of 20:36, quoted 没有和平也没有停火.
     * Search finds the item through it, and only through it, and the index holds the phrase's
     * bigrams for the item.
     */
    @Test
    void aPhraseOnlyAnEarlierVersionHoldsFindsTheItem() {
        String id = "20260111-0041-206670a6";
        String phrase = "没有和平也没有停火";
        Item item = SearchFixture.items().stream().map(Indexed::item).filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        assertFalse(SearchText.of(item).contains(phrase), "the item's own text");
        assertTrue(SearchText.versions(item).stream().anyMatch(v -> v.contains(phrase)), "an earlier version");
        Map<String, Object> expected = expected(new Query(phrase, null, null, null, null, null));
        assertEquals(1, expected.get("count"));
        assertEquals(List.of(id), expected.get("new"));
        assertEquals(List.of(id), expected.get("earlier"));
        IndexReader reader = new IndexReader(SearchFixture.SITE.resolve("search"));
        assertTrue(reader.holders("停火").ids().contains(id), "停火 in the index for " + id);
        // the item's own text still finds it, as found in the item
        Map<String, Object> own = expected(new Query("伊朗军方 捍卫", "2026-01-10", null, null, null, null));
        assertTrue(((List<?>) own.get("new")).contains(id) && !((List<?>) own.get("earlier")).contains(id), own.toString());
    }

    @Test
    void theSharedQueriesCoverTheQueryLanguage() throws IOException {
        List<Query> queries = queries();
        assertTrue(queries.size() >= 60, "at least 60 queries");
        assertTrue(queries.stream().anyMatch(q -> q.q().contains("\"")), "a phrase");
        assertTrue(queries.stream().anyMatch(q -> q.q().contains(" -")), "an exclusion");
        assertTrue(queries.stream().anyMatch(q -> q.topic() != null) && queries.stream().anyMatch(q -> q.day() != null),
                "topic and day filters");
    }

    /** Hands the expected results to the Node test; most queries must find something. */
    @AfterAll
    static void writeExpectedForNode() throws IOException {
        long found = EXPECTED.stream().filter(e -> (int) e.get("count") > 0).count();
        assertTrue(found >= 60, "only " + found + " queries find anything: pick others");
        Files.createDirectories(SearchFixture.DIR);
        new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(SearchFixture.DIR.resolve("expected.json").toFile(), EXPECTED);
    }
}
