package telegraph.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.export.DataExport;
import telegraph.TestCorpus;
import telegraph.model.Problem;
import telegraph.export.ExportFiles;
import telegraph.render.SiteInfo;

/** Several archives of the same feed in, one clean site out (issue 8). */
@Tag("integration")
class MergedArchivesTest {

    private static final Pattern ECHO_ITEM = Pattern.compile("^## (\\d\\d):(\\d\\d):(\\d\\d)｜(.*)$");
    private static final Pattern ECHO_FIELD = Pattern.compile("^- ([a-z_]+): `?([^`]*)`?$");

    @TempDir
    Path dir;

    /** One echo-stacker item as this test reads it, independently of the readers under test. */
    record EchoItem(LocalDateTime time, String id, String level, String subjects, String text) {
        LocalDate window() {
            return time.toLocalTime().isBefore(LocalTime.of(5, 30)) ? time.toLocalDate().minusDays(1) : time.toLocalDate();
        }
    }

    private static List<EchoItem> echoItems(Path md) throws IOException {
        LocalDate date = LocalDate.parse(md.getFileName().toString().substring(0, 10));
        List<EchoItem> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(md);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ECHO_ITEM.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            StringBuilder content = new StringBuilder();
            int k = i + 1;
            boolean inFields = true;
            for (; k < lines.size() && !lines.get(k).startsWith("## "); k++) {
                Matcher f = ECHO_FIELD.matcher(lines.get(k));
                if (inFields && f.matches()) {
                    fields.put(f.group(1), f.group(2));
                } else if (lines.get(k).isBlank()) {
                    inFields = fields.isEmpty();
                } else {
                    inFields = false;
                    content.append(content.length() == 0 ? "" : " ").append(lines.get(k).strip());
                }
            }
            String title = m.group(4).equals("无标题") ? "" : m.group(4);
            String text = title.isEmpty() || content.toString().startsWith("【") ? content.toString()
                    : "【" + title + "】" + content;
            items.add(new EchoItem(LocalDateTime.of(date, LocalTime.of(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))), fields.get("id"), fields.get("level"),
                    fields.getOrDefault("subjects", ""), text));
        }
        return items;
    }

    /** The same items as the seed's day files would hold them: minutes only, no ids, no subjects. */
    private static void writeNewspaperFiles(List<EchoItem> items, Path folder) throws IOException {
        Map<String, StringBuilder> files = new TreeMap<>();
        for (EchoItem item : items) {
            boolean major = !item.level().equals("C");
            String name = "CLS_" + item.window() + (major ? "_Major.md" : "_General.md");
            StringBuilder file = files.computeIfAbsent(name, n -> new StringBuilder(
                    "# 财联社【" + (major ? "重磅" : "普通") + "】电报 - " + item.window() + "\n> 统计周期：" + item.window()
                            + " 05:30 至次日 05:30\n\n---\n\n"));
            String text = item.level().equals("A") ? "🔴 **" + item.text() + "**" : item.text();
            file.append(String.format("**[%02d:%02d]** %s%n%n", item.time().getHour(), item.time().getMinute(), text));
        }
        for (Map.Entry<String, StringBuilder> f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue());
        }
    }

    private BuildReport build(List<Path> content, Path out) throws Exception {
        return new SiteBuilder(List.of(new DataExport())).build(new SiteBuilder.Options(content, out, null, new SiteInfo("t", ""), 2, true),
                (d, t) -> { });
    }

    /** Every item of the JSON export; fields left out when empty read as missing nodes. */
    private static List<JsonNode> exported(Path site) throws IOException {
        return ExportFiles.items(site);
    }

    @Test
    void echoStackerAndSeedLayoutOfTheSameDaysMergeIntoOneTimelineKeepingTheRicherFields() throws Exception {
        Path echo = TestCorpus.shared().resolve("corpus-real/cls-echo-stacker");
        List<EchoItem> all = new ArrayList<>();
        try (Stream<Path> mds = Files.list(echo)) {
            for (Path md : mds.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md")).sorted().toList()) {
                all.addAll(echoItems(md));
            }
        }
        Path news = Files.createDirectories(dir.resolve("news"));
        writeNewspaperFiles(all, news);
        Path site = dir.resolve("site");

        BuildReport report = build(List.of(news, echo), site);

        List<JsonNode> items = exported(site);
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode item : items) {
            seen.merge(item.get("clsId").asText(), 1, Integer::sum);
            item.path("versions").forEach(v -> seen.merge(v.get("clsId").asText(), 1, Integer::sum));
        }
        Map<String, EchoItem> byId = new HashMap<>();
        all.forEach(e -> byId.put(e.id(), e));
        List<String> missing = byId.keySet().stream().filter(id -> !seen.containsKey(id)).sorted().limit(5).toList();
        List<String> extra = items.stream().filter(i -> !byId.containsKey(i.get("clsId").asText()))
                .map(i -> i.get("time").asText() + " " + i.path("raw").asText()).limit(5).toList();
        assertEquals(List.of(), missing, "echo items missing");
        assertEquals(List.of(), extra, "items without an echo CLS id (newspaper copies not merged)");
        assertEquals(List.of(), seen.entrySet().stream().filter(e -> e.getValue() != 1).limit(5).toList(), "each once");
        for (JsonNode item : items) {
            EchoItem source = byId.get(item.get("clsId").asText());
            assertTrue(item.path("exactSeconds").asBoolean(), "the seconds are kept");
            assertEquals(source.time().toLocalTime().toString().length() == 5 ? source.time() + ":00" : source.time().toString(),
                    item.get("time").asText().substring(0, 19), "exact time with seconds");
            assertEquals(source.subjects().isEmpty() ? 0 : source.subjects().split("，").length,
                    item.path("subjects").size(), "subjects kept");
            assertEquals(source.window().toString(), item.get("date").asText());
            List<String> from = new ArrayList<>();
            item.path("sources").forEach(s -> from.add(s.asText()));
            assertTrue(from.stream().anyMatch(s -> s.startsWith("news/CLS_")) && from.stream().anyMatch(s -> s.startsWith("cls-echo-stacker/")),
                    "both archives recorded: " + from);
        }
        assertTrue(report.duplicates().crossSource() >= all.size() - 10, "cross-archive merges: " + report.duplicates());
    }

    @Test
    void feishuItemsAreAllImportedAndCutShortTextIsReplacedByAFullerSource() throws Exception {
        Path feishu = TestCorpus.shared().resolve("corpus-real/cls-feishu-bot");
        Path day = feishu.resolve("财联社电报_2026-05-26.md");
        String text = Files.readString(day);
        Matcher cut = Pattern.compile("- \\[(\\d\\d):(\\d\\d)\\] \\*\\*\\[(【[^\\n]*?有望给2030财年)\\]\\(https://www\\.cls\\.cn/detail/(\\d+)\\)").matcher(text);
        assertTrue(cut.find(), "the cut-short Apple item of 2026-05-26");
        String full = cut.group(3) + "带来可观的增量收入。";
        Path news = Files.createDirectories(dir.resolve("news"));
        Files.writeString(news.resolve("CLS_2026-05-26_General.md"), "# 财联社【普通】电报 - 2026-05-26\n> 统计周期：2026-05-26 05:30 至次日 05:30\n\n---\n\n**["
                + cut.group(1) + ":" + cut.group(2) + "]** " + full + "\n");
        Path site = dir.resolve("site");

        build(List.of(feishu, news), site);

        int listed = 0;
        for (String name : List.of("财联社电报_2026-05-26.md", "财联社电报_2026-05-27.md")) {
            listed += (int) Files.readAllLines(feishu.resolve(name)).stream().filter(l -> l.startsWith("  - [")).count();
        }
        List<JsonNode> items = exported(site);
        long shown = items.size() + items.stream().mapToInt(i -> i.path("versions").size()).sum();
        assertEquals(listed, shown, "every feishu item is imported");
        JsonNode apple = items.stream().filter(i -> i.get("clsId").asText().equals(cut.group(4))).findFirst().orElseThrow();
        assertTrue(apple.get("body").asText().endsWith("带来可观的增量收入。"), apple.get("body").asText());
        assertFalse(apple.path("truncated").asBoolean());
        long stillCut = items.stream().filter(i -> i.path("truncated").asBoolean()).count();
        assertTrue(stillCut > 0, "other cut-short items stay marked as such");
    }

    @Test
    void clsSubjectsBecomeTopics() throws Exception {
        Path echo = TestCorpus.shared().resolve("corpus-real/cls-echo-stacker");
        Path site = dir.resolve("site");
        new SiteBuilder(List.of(new DataExport(), new telegraph.topics.TopicOutput(List.of(echo)))).build(new SiteBuilder.Options(
                List.of(echo), site, null, new SiteInfo("t", ""), 2, true), (d, t) -> { });
        long withSubject = exported(site).stream().filter(i -> {
            for (JsonNode s : i.path("subjects")) {
                if (s.asText().equals("环球市场情报")) {
                    return true;
                }
            }
            return false;
        }).count();
        assertTrue(withSubject > 100, "items with the subject 环球市场情报: " + withSubject);
        Path topic;
        try (Stream<Path> pages = Files.walk(site.resolve("topics/subject"))) {
            topic = pages.filter(p -> p.getFileName().toString().matches("环球市场情报[^.]*\\.html")).findFirst().orElseThrow();
        }
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(topic.toFile(), "UTF-8");
        assertTrue(page.text().contains("共 " + withSubject + " 条"), page.select("main p").text());
    }

    @Test
    void malformedJsonlTruncatedFilesAndMixedEncodingsAreReportedAndNothingElseIsLost() throws Exception {
        Path echo = TestCorpus.shared().resolve("corpus-real/cls-echo-stacker");
        Path content = Files.createDirectories(dir.resolve("content"));
        List<String> jsonl = new ArrayList<>(Files.readAllLines(echo.resolve("2026-05-17.jsonl")));
        int good = jsonl.size();
        jsonl.add(5, "{\"id\": \"1\", \"datetime\": broken");
        String last = jsonl.remove(jsonl.size() - 1);
        jsonl.add(last.substring(0, last.length() / 2));
        Files.write(content.resolve("2026-05-17.jsonl"), jsonl);
        List<String> md = Files.readAllLines(echo.resolve("2026-05-16.md"));
        Files.write(content.resolve("2026-05-16.md"), md.subList(0, md.size() / 2));
        Files.write(content.resolve("2026-05-18.md"),
                Files.readString(echo.resolve("2026-05-18.md")).getBytes(Charset.forName("GB18030")));

        BuildReport report = build(List.of(content), dir.resolve("site"));

        List<String> reports = report.problems().stream().map(Problem::toString).toList();
        assertTrue(reports.contains("2026-05-17.jsonl:6: malformed JSON: Unrecognized token 'broken': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"), reports.toString());
        assertTrue(reports.stream().anyMatch(r -> r.startsWith("2026-05-17.jsonl:" + (good + 1) + ": malformed JSON")), reports.toString());
        assertTrue(reports.stream().anyMatch(r -> r.startsWith("2026-05-16.md:3: heading counts 151 items, the file has")),
                reports.toString());
        assertTrue(reports.contains("2026-05-18.md:1: not valid UTF-8; read as GB18030 (GBK)"), reports.toString());
        long items = exported(dir.resolve("site")).stream().mapToLong(i -> 1 + i.path("versions").size()).sum();
        long expected = (good - 1) + echoItems(content.resolve("2026-05-16.md")).size()
                + echoItems(echo.resolve("2026-05-18.md")).size();
        assertEquals(expected, items, "every readable item of the three damaged files");
    }
}
