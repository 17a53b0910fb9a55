package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import telegraph.render.SiteInfo;
import telegraph.site.SiteBuilder;

/**
 * Builds all 50 real files with the topic output (and the shipped themes) and checks the HTML:
 * every item is on the pages of each of its topics exactly once, counts agree, feeds are Atom.
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
    /** Items on each topic's month pages, by topic folder: item id → times listed. */
    static Map<String, Map<String, Integer>> listed = new TreeMap<>();

    @BeforeAll
    static void build() throws Exception {
        Path settings = Files.createDirectories(dir.resolve("settings"));
        Files.copy(Path.of("content/topics.yml"), settings.resolve("topics.yml"));
        out = dir.resolve("site");
        new SiteBuilder(List.of(new TopicOutput(List.of(settings)))).build(new SiteBuilder.Options(
                List.of(TestCorpus.newspaper()), out, null, new SiteInfo("t", ""), 2, true), (d, t) -> { });
        for (Path page : files("topics", "\\d{4}-\\d{2}\\.html")) {
            Map<String, Integer> ids = listed.computeIfAbsent(out.relativize(page.getParent()).toString(),
                    k -> new HashMap<>());
            for (Element a : parse(page).select(".topic-items li > a.when")) {
                ids.merge(a.attr("href").substring(a.attr("href").indexOf('#') + 1), 1, Integer::sum);
            }
        }
    }

    private static List<Path> files(String under, String nameRegex) throws IOException {
        try (Stream<Path> walk = Files.walk(out.resolve(under))) {
            return walk.filter(p -> p.getFileName().toString().matches(nameRegex)).sorted().toList();
        }
    }

    private static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }

    /** Topic folder (topics/kind/slug) of every security page, by the code it shows. */
    private static Map<String, String> securityFolders() throws IOException {
        Map<String, String> byCode = new HashMap<>();
        for (Path page : files("topics/stock", "index\\.html")) {
            Element code = parse(page).selectFirst("dl.security dd code");
            assertNotNull(code, page.toString());
            byCode.put(code.text(), out.relativize(page.getParent()).toString());
        }
        return byCode;
    }

    /** Topic folder of every column or source page, by its heading. */
    private static Map<String, String> namedFolders(String kind) throws IOException {
        Map<String, String> byName = new HashMap<>();
        for (Path page : files("topics/" + kind, "index\\.html")) {
            byName.put(parse(page).selectFirst("h1").text(), out.relativize(page.getParent()).toString());
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
        }
    }

    @Test
    void everySecurityColumnAndSourceListsEachOfItsItemsExactlyOnce() throws IOException {
        Map<String, Set<String>> expected = expectedTopics();
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
            assertEquals(byTopic.getOrDefault(topic, Set.of()), listed.get(topic).keySet(), topic);
        }
        byTopic.keySet().forEach(t -> assertTrue(listed.containsKey(t), "no month page for " + t));
    }

    @Test
    void dayPagesLinkEachItemsTopicsAsChips() throws IOException {
        Document day = parse(out.resolve("2026/01/2026-01-06.html"));
        int chips = 0;
        for (Element chip : day.select("article.item .topic-chips a")) {
            Path target = out.resolve("2026/01").resolve(chip.attr("href")).normalize();
            assertTrue(Files.isRegularFile(target), chip.attr("href"));
            String folder = out.relativize(target.getParent()).toString();
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
            String folder = out.relativize(out.resolve("topics").resolve(li.selectFirst("a").attr("href"))
                    .normalize().getParent()).toString();
            int onPages = listed.get(folder).values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(onPages, Integer.parseInt(li.selectFirst(".count").text()), folder);
            assertEquals(onPages, Integer.parseInt(parse(out.resolve(folder).resolve("index.html"))
                    .selectFirst(".meta strong").text()), folder + "/index.html");
        }
        assertTrue(listed.keySet().stream().anyMatch(t -> t.equals("topics/theme/nvidia")), "themes from topics.yml");
    }

    @Test
    void feedsAreAtomWithEveryRequiredElement() throws Exception {
        List<Path> feeds = new ArrayList<>(files("topics", "feed\\.xml"));
        feeds.add(out.resolve("feed.xml"));
        assertEquals(listed.size() + 1, feeds.size());
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

    private static String child(org.w3c.dom.Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
