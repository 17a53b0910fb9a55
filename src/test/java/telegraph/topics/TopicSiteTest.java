package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import telegraph.TestCorpus;
import telegraph.export.DataExport;
import telegraph.export.ExportFiles;
import telegraph.render.SiteInfo;
import telegraph.site.SiteBuilder;

/**
 * Builds all 50 real files with the export (which feeds take their items' text from) and the
 * topic output (and the jar's default themes), and checks the HTML: every item is on the pages of
 * each of its topics exactly once (a small topic's page, a big topic's year pages), counts agree,
 * feeds are Atom, security names are whole names.
 */
@Tag("integration")
class TopicSiteTest {

    /** Stock codes as written in item text, found here independently of the parser. */
    private static final Pattern CODE = Pattern.compile(
            "[（(](\\d{6}\\.(?:SH|SZ|BJ)|\\d{4,5}\\.HK|[A-Z][A-Z0-9]{0,5}(?:\\.[A-Z])?\\.(?:US|O|N|OQ))[）)]",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;
    static Path out;
    /** Items on each topic's pages, by topic (topics/kind/slug): item id → times listed. */
    static Map<String, Map<String, Integer>> listed = new TreeMap<>();
    /** Items a security's pages mark as naming it without its code, by topic. */
    static Map<String, Set<String>> markedByName = new TreeMap<>();
    /** The text of every item of the day pages, by id. */
    static Map<String, String> texts = new HashMap<>();
    /** The topics the test expects of every item of the day pages, from their text, by id. */
    static Map<String, Set<String>> expected;
    private static final String TOPIC_PAGE = "[^.]+\\.html";

    @BeforeAll
    static void build() throws Exception {
        // a folder without topics.yml: the jar's default themes
        Path settings = Files.createDirectories(dir.resolve("settings"));
        out = dir.resolve("site");
        new SiteBuilder(List.of(new DataExport(), new TopicOutput(List.of(settings)))).build(new SiteBuilder.Options(
                List.of(TestCorpus.newspaper()), out, null, new SiteInfo("t", ""), 2, true), (d, t) -> { });
        for (Path page : files("topics", "[^.]+\\.html|[^.]+\\.\\d{4}\\.html")) {
            Document doc = parse(page);
            if (page.getFileName().toString().equals("index.html") || !doc.select(".topic-months").isEmpty()) {
                continue; // the directory; a big topic's page repeats its newest items, its years list all
            }
            Map<String, Integer> ids = listed.computeIfAbsent(topic(page), k -> new HashMap<>());
            for (Element a : doc.select(".topic-items li > a")) {
                String id = a.attr("href").substring(a.attr("href").indexOf('#') + 1);
                ids.merge(id, 1, Integer::sum);
                if (a.parent().selectFirst("> .by-name") != null) {
                    markedByName.computeIfAbsent(topic(page), k -> new TreeSet<>()).add(id);
                }
            }
        }
        expected = expectedTopics();
    }

    /** The topic of a topic file: topics/kind/slug, from topics/kind/slug[.year].html or .xml. */
    private static String topic(Path file) {
        String relative = out.relativize(file).toString();
        int slash = relative.lastIndexOf('/');
        return relative.substring(0, relative.indexOf('.', slash));
    }

    private static List<Path> files(String under, String nameRegex) throws IOException {
        try (Stream<Path> walk = Files.walk(out.resolve(under))) {
            return walk.filter(p -> p.getFileName().toString().matches(nameRegex)).sorted().toList();
        }
    }

    private static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }

    /** Topic (topics/kind/slug) of every security page, by the code it shows. */
    private static Map<String, String> securityFolders() throws IOException {
        Map<String, String> byCode = new HashMap<>();
        for (Path page : files("topics/stock", TOPIC_PAGE)) {
            Element code = parse(page).selectFirst("dl.security dd code");
            assertNotNull(code, page.toString());
            byCode.put(code.text(), topic(page));
        }
        return byCode;
    }

    /** Topic of every column or source page, by its heading. */
    private static Map<String, String> namedFolders(String kind) throws IOException {
        Map<String, String> byName = new HashMap<>();
        for (Path page : files("topics/" + kind, TOPIC_PAGE)) {
            byName.put(parse(page).selectFirst("h1").text(), topic(page));
        }
        return byName;
    }

    /** Every item of every day page, with the topics the test expects for it. */
    private static Map<String, Set<String>> expectedTopics() throws IOException {
        Map<String, String> securities = securityFolders();
        Map<String, String> columns = namedFolders("column");
        Map<String, String> sources = namedFolders("source");
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Path day : files("2025", "\\d{4}-\\d{2}-\\d{2}\\.html")) {
            expectDay(day, securities, columns, sources, expected);
        }
        for (Path day : files("2026", "\\d{4}-\\d{2}-\\d{2}\\.html")) {
            expectDay(day, securities, columns, sources, expected);
        }
        return expected;
    }

    private static void expectDay(Path day, Map<String, String> securities, Map<String, String> columns,
                                  Map<String, String> sources, Map<String, Set<String>> expected) throws IOException {
        for (Element item : parse(day).select("article.item")) {
            Set<String> topics = new TreeSet<>();
            // the item's own parts only, not those of earlier versions shown inside it
            Element title = item.selectFirst("> h2");
            String text = (title == null ? "" : title.text()) + item.select("> p:not([class]), > ol").text();
            Matcher m = CODE.matcher(text);
            while (m.find()) {
                String code = m.group(1).toUpperCase();
                assertTrue(securities.containsKey(code), "no security page for " + code + " (" + day + ")");
                topics.add(securities.get(code));
            }
            if (title != null && !ColumnNames.of(title.text()).isEmpty()) {
                String folder = columns.get(ColumnNames.of(title.text()));
                assertNotNull(folder, "no column page for " + title.text());
                topics.add(folder);
            }
            Element source = item.selectFirst("> cite");
            Element dateline = item.selectFirst("> p:not([class]) > small");
            for (String outlet : List.of(source == null ? "" : SourceNames.fromSource(source.text().replace("来源：", "")),
                    dateline == null ? "" : SourceNames.fromDateline(dateline.text()))) {
                if (!outlet.isEmpty()) {
                    assertNotNull(sources.get(outlet), "no source page for " + outlet);
                    topics.add(sources.get(outlet));
                }
            }
            expected.put(item.id(), topics);
            texts.put(item.id(), text);
        }
    }

    @Test
    void everySecurityColumnAndSourceListsEachOfItsItemsExactlyOnce() throws IOException {
        assertTrue(expected.size() > 10_000, "items: " + expected.size());
        Map<String, Set<String>> byTopic = new TreeMap<>();
        expected.forEach((id, topics) -> topics.forEach(t -> byTopic.computeIfAbsent(t, k -> new TreeSet<>()).add(id)));
        assertTrue(byTopic.keySet().stream().filter(t -> t.startsWith("topics/stock/")).count() > 500);
        assertTrue(byTopic.keySet().stream().anyMatch(t -> t.startsWith("topics/column/")));
        assertTrue(byTopic.keySet().stream().anyMatch(t -> t.startsWith("topics/source/")));
        for (String topic : listed.keySet()) {
            if (topic.startsWith("topics/theme/")) {
                continue;
            }
            listed.get(topic).forEach((id, times) -> assertEquals(1, times, id + " listed twice on " + topic));
            Set<String> byName = markedByName.getOrDefault(topic, Set.of());
            Set<String> coded = new TreeSet<>(listed.get(topic).keySet());
            coded.removeAll(byName);
            assertEquals(byTopic.getOrDefault(topic, Set.of()), coded, topic);
            if (!byName.isEmpty()) {
                Set<String> names = securityNames(parse(out.resolve(topic + ".html")));
                byName.forEach(id -> assertTrue(names.stream().anyMatch(texts.get(id)::contains),
                        id + " on " + topic + " holds none of " + names));
            }
        }
        assertTrue(markedByName.values().stream().mapToInt(Set::size).sum() > 1000,
                "items listed by name: " + markedByName.values().stream().mapToInt(Set::size).sum());
        byTopic.keySet().forEach(t -> assertTrue(listed.containsKey(t), "no page for " + t));
        assertTrue(listed.keySet().stream().filter(t -> t.startsWith("topics/theme/")).count() >= 20, "default themes");
    }

    /**
     * The acceptance test of companies by name: for the 15 securities with the most items, the
     * page lists at least 90 % of the items whose text holds the code or a name the page gives
     * the company, and none that holds neither.
     */
    @Test
    void theBusiestSecuritiesListTheirNewsByNameOrCode() throws IOException {
        List<String> busiest = listed.keySet().stream().filter(t -> t.startsWith("topics/stock/"))
                .sorted(java.util.Comparator.comparingInt((String t) -> -listed.get(t).size()).thenComparing(t -> t))
                .limit(15).toList();
        int byName = 0;
        for (String topic : busiest) {
            Document page = parse(out.resolve(topic + ".html"));
            String code = page.selectFirst("dl.security dd code").text();
            Set<String> names = securityNames(page);
            Set<String> holding = new TreeSet<>();
            texts.forEach((id, text) -> {
                if (text.toUpperCase().contains(code) || names.stream().anyMatch(text::contains)) {
                    holding.add(id);
                }
            });
            Set<String> onPage = listed.get(topic).keySet();
            Set<String> neither = new TreeSet<>(onPage);
            neither.removeAll(holding);
            assertEquals(Set.of(), neither, topic + " " + names + ": listed, holding neither a name nor the code");
            long found = holding.stream().filter(onPage::contains).count();
            assertTrue(found >= 0.9 * holding.size(), topic + " " + names + ": " + found + " of " + holding.size());
            byName += markedByName.getOrDefault(topic, Set.of()).size();
        }
        assertTrue(byName > 100, "items of the 15 listed by name alone: " + byName);
    }

    @Test
    void theByNameNoteShowsWhereAPageMarksAnItemByName() throws IOException {
        int noted = 0;
        int plain = 0;
        for (Path page : files("topics", "[^.]+\\.html|[^.]+\\.\\d{4}\\.html")) {
            Document doc = parse(page);
            boolean marked = !doc.select(".topic-items .by-name").isEmpty();
            assertEquals(marked, doc.selectFirst(".by-name-note") != null, page.toString());
            if (marked) {
                noted++;
            } else if (doc.selectFirst("dl.security") != null) {
                plain++;
            }
        }
        assertTrue(noted > 50 && plain > 50, "security pages with the note " + noted + ", without " + plain);
    }

    @Test
    void dayPagesLinkEachItemsTopicsAsChips() throws IOException {
        Document day = parse(out.resolve("2026/01/2026-01-06.html"));
        int chips = 0;
        for (Element chip : day.select("article.item > nav a")) {
            Path target = out.resolve("2026/01").resolve(chip.attr("href")).normalize();
            assertTrue(Files.isRegularFile(target), chip.attr("href"));
            String folder = topic(target);
            String id = chip.closest("article.item").id();
            assertTrue(listed.get(folder).containsKey(id), id + " not on " + folder);
            chips++;
        }
        assertTrue(chips > 100, "chips: " + chips);
    }

    @Test
    void directoryCountsEqualTheItemsOnEachTopicsPages() throws IOException {
        Document directory = parse(out.resolve("topics/index.html"));
        List<Element> entries = directory.select(".topic-list li");
        assertEquals(listed.size(), entries.size());
        for (Element li : entries) {
            Path page = out.resolve("topics").resolve(li.selectFirst("a").attr("href")).normalize();
            String folder = topic(page);
            int onPages = listed.get(folder).values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(onPages, Integer.parseInt(li.selectFirst(".count").text()), folder);
            assertEquals(onPages, Integer.parseInt(parse(page).selectFirst(".meta strong").text()), folder);
        }
        assertTrue(listed.keySet().stream().anyMatch(t -> t.equals("topics/theme/nvidia")), "themes from topics.yml");
    }

    @Test
    void feedsAreAtomWithEveryRequiredElement() throws Exception {
        List<Path> feeds = new ArrayList<>(files("topics", ".+\\.xml"));
        Set<String> linked = new TreeSet<>();
        for (Path page : files("topics", TOPIC_PAGE)) {
            for (Element a : parse(page).select("a[type=application/atom+xml]")) {
                linked.add(out.relativize(page.resolveSibling(a.attr("href"))).toString());
            }
        }
        assertEquals(linked, new TreeSet<>(feeds.stream().map(f -> out.relativize(f).toString()).toList()),
                "every feed is linked from its topic's page");
        Set<String> withFeeds = new TreeSet<>(feeds.stream().map(TopicSiteTest::topic).toList());
        listed.keySet().stream().filter(t -> t.startsWith("topics/theme/") || t.startsWith("topics/column/"))
                .forEach(t -> assertTrue(withFeeds.contains(t), "every theme and column has a feed: " + t));
        assertTrue(withFeeds.size() < listed.size() / 4, "not every topic has a feed: " + withFeeds.size());
        feeds.add(out.resolve("feed.xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String atom = "http://www.w3.org/2005/Atom";
        for (Path feed : feeds) {
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(feed.toFile());
            org.w3c.dom.Element root = doc.getDocumentElement();
            assertEquals(atom, root.getNamespaceURI());
            assertEquals("feed", root.getLocalName());
            for (String required : List.of("id", "title", "updated", "author")) {
                assertFalse(child(root, required).isEmpty(), feed + " lacks " + required);
            }
            NodeList entries = root.getElementsByTagNameNS(atom, "entry");
            assertTrue(entries.getLength() > 0, feed.toString());
            Set<String> ids = new TreeSet<>();
            for (int i = 0; i < entries.getLength(); i++) {
                org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
                for (String required : List.of("id", "title", "updated")) {
                    assertFalse(child(entry, required).isEmpty(), feed + " entry lacks " + required);
                }
                assertTrue(ids.add(child(entry, "id")), "duplicate entry id in " + feed);
                assertTrue(child(entry, "updated").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"));
                String href = ((org.w3c.dom.Element) entry.getElementsByTagNameNS(atom, "link").item(0))
                        .getAttribute("href");
                assertTrue(Files.isRegularFile(feed.getParent().resolve(href.substring(0, href.indexOf('#')))), href);
            }
        }
    }

    /**
     * Every feed as a feed reader reads it, through Rome: Atom 1.0, and each entry carries its
     * item's title and, as content, the whole text under it as the export gives it (dateline,
     * body, source in brackets). A topic's feed holds its newest items; the archive's, its newest.
     */
    @Test
    void everyFeedParsesAsAtomWithEachItemsWholeText() throws Exception {
        Map<String, JsonNode> exported = new HashMap<>();
        for (JsonNode item : ExportFiles.items(out)) {
            exported.put(item.get("id").asText(), item);
        }
        List<Path> feeds = new ArrayList<>(files("topics", ".+\\.xml"));
        feeds.add(out.resolve("feed.xml"));
        for (Path file : feeds) {
            WireFeedInput input = new WireFeedInput();
            input.setXmlHealerOn(false); // a feed that needs healing is not valid
            Feed feed = (Feed) input.build(file.toFile());
            assertEquals("atom_1.0", feed.getFeedType(), file.toString());
            Set<String> ids = new HashSet<>();
            for (Entry entry : feed.getEntries()) {
                String href = entry.getAlternateLinks().get(0).getHref();
                String id = href.substring(href.indexOf('#') + 1);
                JsonNode item = exported.get(id);
                String title = item.path("title").asText();
                String source = item.path("source").asText();
                if (!title.isEmpty()) {
                    assertEquals(title, entry.getTitle(), file + " " + id);
                }
                assertEquals(1, entry.getContents().size(), file + " " + id);
                Content content = entry.getContents().get(0);
                assertEquals("text", content.getType(), file + " " + id);
                // the export leaves empty fields out
                assertEquals(item.path("dateline").asText() + item.path("body").asText()
                        + (source.isEmpty() ? "" : " (" + source + ")"), content.getValue(), file + " " + id);
                assertNotNull(entry.getUpdated(), file + " " + id);
                ids.add(id);
            }
            Set<String> items = file.getFileName().toString().equals("feed.xml") ? exported.keySet()
                    : listed.get(out.relativize(file).toString().replaceFirst("\\.xml$", "")).keySet();
            int size = file.getFileName().toString().equals("feed.xml") ? MonthTopics.ARCHIVE_ENTRIES
                    : TopicPages.FEED_ENTRIES;
            assertEquals(Math.min(size, items.size()), ids.size(), file + " holds its newest items");
            // ids begin with the item's minute: none left out is newer than the oldest held
            String oldestHeld = ids.stream().min(String::compareTo).orElseThrow().substring(0, 13);
            for (String id : items) {
                assertTrue(ids.contains(id) || id.substring(0, 13).compareTo(oldestHeld) <= 0,
                        file + " leaves out " + id + ", newer than what it holds");
            }
        }
    }

    /**
     * What a name must not contain: the clause words news text puts before a name, a conjunction
     * glued to a Latin name (和MINIMAX-WP), and no long text.
     */
    private static final Pattern FRAGMENT = Pattern.compile(
            "就|将|对|称|发布|关于|巨头|买入|维持|给予|上调|下调|开始|表示|.+龙头|^-|^[和与及同][A-Za-z]|^.{13,}$");

    @Test
    void securityNamesAreWholeNamesAndACodeWithoutOneShowsItsCode() throws IOException {
        Set<String> names = new TreeSet<>();
        int codeOnly = 0;
        for (Path page : files("topics/stock", TOPIC_PAGE)) {
            Document doc = parse(page);
            String code = doc.selectFirst("dl.security dd code").text();
            String h1 = doc.selectFirst("h1").text();
            if (h1.equals(code)) {
                codeOnly++;
            } else {
                assertTrue(h1.endsWith("（" + code + "）"), h1);
            }
            names.addAll(securityNames(doc));
        }
        assertTrue(names.size() > 900, "names: " + names.size());
        List<String> fragments = names.stream().filter(n -> FRAGMENT.matcher(n).find()).toList();
        assertEquals(List.of(), fragments);
        assertTrue(codeOnly > 0 && codeOnly < 20, "codes shown by their code: " + codeOnly);
    }

    /** The names a security's page gives it: in its heading, and every name it was seen under. */
    private static Set<String> securityNames(Document page) {
        Set<String> names = new TreeSet<>();
        String code = page.selectFirst("dl.security dd code").text();
        String h1 = page.selectFirst("h1").text();
        if (!h1.equals(code)) {
            names.add(h1.substring(0, h1.length() - code.length() - 2));
        }
        Element seen = page.selectFirst("dl.security dt:contains(出现过的名称) + dd");
        if (seen != null) {
            names.addAll(List.of(seen.text().split("、")));
        }
        return names;
    }

    /** A byline's reporter ({@code 界面新闻 侯瑞宁}) is in no outlet's name, nor is 财联社's. */
    @Test
    void sourcesAreOutletsWithoutTheirReporters() throws IOException {
        Set<String> outlets = namedFolders("source").keySet();
        Pattern reporter = Pattern.compile(".*\\s(\\p{IsHan}{2,3})");
        Set<String> reporters = new TreeSet<>();
        for (Path day : files(".", "\\d{4}-\\d{2}-\\d{2}\\.html")) {
            for (Element cite : parse(day).select("article.item > cite")) {
                Matcher m = reporter.matcher(cite.text().strip());
                if (m.matches()) {
                    reporters.add(m.group(1));
                }
            }
        }
        assertTrue(reporters.size() > 20, "bylines with a reporter: " + reporters);
        List<String> withReporter = outlets.stream()
                .filter(o -> o.contains("财联社") || reporters.stream().anyMatch(o::contains)).toList();
        assertEquals(List.of(), withReporter, "outlets named with a reporter");
        assertTrue(outlets.containsAll(List.of("界面新闻", "蓝鲸新闻", "央视新闻")), outlets.toString());
    }

    /**
     * The directory leads with what readers use most: themes, then columns, then the busiest
     * securities; the rest of a kind of more than {@link TopicPages#DIRECTORY_LEAD} topics is folded
     * away; a kind without topics (CLS subjects: this archive has none) is not shown.
     */
    @Test
    void theDirectoryLeadsWithThemesAndTheBusiestAndShowsNoEmptyKind() throws IOException {
        Document directory = parse(out.resolve("topics/index.html"));
        List<String> kinds = directory.select("section.topic-kind").stream().map(Element::id).toList();
        assertEquals(List.of("kind-theme", "kind-column", "kind-stock", "kind-source"), kinds);
        assertEquals(kinds.size(), directory.select("nav.topic-kinds a").size());
        for (Element section : directory.select("section.topic-kind")) {
            List<Integer> lead = counts(section.select("> ul.topic-list > li"));
            List<Integer> more = counts(section.select("> details ul.topic-list > li"));
            assertFalse(lead.isEmpty(), section.id());
            assertTrue(lead.size() <= TopicPages.DIRECTORY_LEAD, section.id() + ": " + lead.size());
            assertTrue(more.isEmpty() || lead.size() == TopicPages.DIRECTORY_LEAD, section.id());
            List<Integer> all = new ArrayList<>(lead);
            all.addAll(more);
            List<Integer> busiestFirst = new ArrayList<>(all);
            busiestFirst.sort(java.util.Comparator.reverseOrder());
            assertEquals(busiestFirst, all, section.id() + " busiest first");
        }
        assertFalse(directory.select("#kind-stock details li").isEmpty(), "most securities are folded away");
    }

    private static List<Integer> counts(List<Element> items) {
        return items.stream().map(li -> Integer.parseInt(li.selectFirst(".count").text())).toList();
    }

    @Test
    void codesSeenUnderTwoNamesShowBoth() throws IOException {
        Map<String, Set<String>> byCode = new TreeMap<>();
        for (Path month : files(".telegraph/topics/months", ".+\\.json\\.gz")) {
            MonthFile file = MonthFile.read(month);
            file.topics().stream().filter(t -> t.kind() == TopicKind.SECURITY)
                    .forEach(t -> byCode.computeIfAbsent(t.key(), k -> new TreeSet<>()).addAll(t.names()));
        }
        Map<String, String> pages = securityFolders();
        int renamed = 0;
        for (Map.Entry<String, Set<String>> e : byCode.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            renamed++;
            Element seen = parse(out.resolve(pages.get(e.getKey()) + ".html"))
                    .selectFirst("dl.security dt:contains(出现过的名称) + dd");
            assertNotNull(seen, e.getKey());
            assertEquals(e.getValue(), new TreeSet<>(List.of(seen.text().split("、"))), e.getKey());
        }
        assertTrue(renamed > 0, "the real files have codes under two names (300919.SZ 中伟股份, 中伟新材)");
        assertTrue(byCode.get("300919.SZ").size() == 2, byCode.get("300919.SZ").toString());
    }

    private static String child(org.w3c.dom.Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
