package telegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;

/**
 * A rebuild writes in proportion to the change: after a day grows or a new day comes, a file is
 * written only if its bytes change, so a topic the new items do not concern keeps its pages and
 * feed as they were (same file, same time), while the topic they concern lists them. And the
 * site still equals a full build.
 */
class RebuildWritesTest {

    private static final String THEMES = "themes:\n"
            + "  - {name: 美联储, slug: fed, keywords: [美联储]}\n"
            + "  - {name: 原油, slug: crude-oil, keywords: [原油]}\n";
    /** Pages of the theme no edit below concerns. */
    private static final List<String> OIL = List.of("topics/theme/crude-oil.html", "topics/theme/crude-oil.xml");
    /** Held by whichever build runs, with its pid: rewritten by every build, never published. */
    private static final String LOCK = ".telegraph/lock";

    @TempDir
    Path dir;

    /** What a file is on disk: replaced or rewritten, it gets another key (inode) or time. */
    private record Written(Object key, FileTime time, byte[] bytes) {
    }

    @Test
    void aGrownDayAndANewDayWriteOnlyFilesWhoseBytesChange() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("topics.yml"), THEMES);
        Files.writeString(content.resolve("CLS_2026-01-05_General.md"), day("2026-01-05",
                item("09:30", "【国际油价上涨】财联社1月5日电，原油价格盘中上涨2%。"),
                item("10:00", "【美联储官员讲话】财联社1月5日电，美联储官员表示通胀仍需关注。")));
        Path day6 = Files.writeString(content.resolve("CLS_2026-01-06_General.md"), day("2026-01-06",
                item("09:30", "【原油库存下降】财联社1月6日电，美国原油库存下降。"),
                item("11:00", "【美联储会议纪要】财联社1月6日电，美联储公布会议纪要。")));
        Path site = dir.resolve("site");
        build(content, site, false);

        Map<String, Written> before = snapshot(site);
        Files.writeString(day6, item("15:00", "【美联储主席发言】财联社1月6日电，美联储主席称将保持耐心。"),
                StandardOpenOption.APPEND);
        build(content, site, false);
        Map<String, Written> grown = snapshot(site);
        assertOnlyChangedBytesWritten(before, grown, "grown day");
        assertUntouched(before, grown, OIL, "grown day");
        assertUntouched(before, grown, List.of("2026/01/2026-01-05.html"), "grown day");
        assertTrue(Files.readString(site.resolve("topics/theme/fed.html")).contains("美联储主席发言"),
                "the theme the new item concerns lists it");
        assertSameAsFullBuild(content, site, "grown day");

        Files.writeString(content.resolve("CLS_2026-01-07_General.md"), day("2026-01-07",
                item("09:45", "【美联储降息预期升温】财联社1月7日电，市场对美联储降息的预期升温。")));
        build(content, site, false);
        Map<String, Written> newDay = snapshot(site);
        assertOnlyChangedBytesWritten(grown, newDay, "new day");
        assertUntouched(grown, newDay, OIL, "new day");
        String fed = Files.readString(site.resolve("topics/theme/fed.html"));
        assertTrue(fed.contains("美联储降息预期升温") && fed.contains("共 <strong>4</strong> 条"),
                "the theme's page lists its new item and counts it");
        assertTrue(Files.readString(site.resolve("topics/theme/fed.xml")).contains("美联储降息预期升温"), "so does its feed");
        assertTrue(Files.readString(site.resolve("topics/theme/crude-oil.html")).contains("共 <strong>2</strong> 条"),
                "the other theme's page shows its own items only");
        assertSameAsFullBuild(content, site, "new day");
    }

    private static String day(String date, String... items) {
        return "# 财联社【普通】电报 - " + date + "\n> 统计周期：" + date + " 05:30 至次日 05:30\n\n---\n\n"
                + String.join("", items);
    }

    private static String item(String time, String text) {
        return "**[" + time + "]** " + text + "\n\n";
    }

    private void build(Path content, Path site, boolean full) {
        List<String> args = new ArrayList<>(List.of("build", "-q", "--content", content.toString(), "--out",
                site.toString()));
        if (full) {
            args.add("--full");
        }
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.err());
    }

    private void assertSameAsFullBuild(Path content, Path site, String step) throws Exception {
        Path fresh = dir.resolve("full-" + step.replace(' ', '-'));
        build(content, fresh, true);
        SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), step);
    }

    private static Map<String, Written> snapshot(Path root) throws IOException {
        Map<String, Written> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                files.put(root.relativize(p).toString().replace('\\', '/'),
                        new Written(a.fileKey(), a.lastModifiedTime(), Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static boolean touched(Written before, Written after) {
        return !before.key().equals(after.key()) || !before.time().equals(after.time());
    }

    /** No file, the build's own state included, was written again with the bytes it had. */
    private static void assertOnlyChangedBytesWritten(Map<String, Written> before, Map<String, Written> after,
                                                      String step) {
        List<String> rewritten = new ArrayList<>();
        after.forEach((name, now) -> {
            Written was = before.get(name);
            if (was != null && !name.equals(LOCK) && touched(was, now) && Arrays.equals(was.bytes(), now.bytes())) {
                rewritten.add(name);
            }
        });
        assertEquals(List.of(), rewritten, step + ": written with unchanged bytes");
    }

    private static void assertUntouched(Map<String, Written> before, Map<String, Written> after, List<String> names,
                                        String step) {
        for (String name : names) {
            assertTrue(before.containsKey(name), name);
            assertFalse(touched(before.get(name), after.get(name)), step + ": " + name + " was written");
        }
    }
}
