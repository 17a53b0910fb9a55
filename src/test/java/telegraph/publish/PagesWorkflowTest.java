package telegraph.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;
import telegraph.cli.CommandRun;

/**
 * The shipped GitHub Pages workflow's build step, run as the script it is, twice on an archive
 * repository that grows in between (and is checked out afresh, so every file has a new time): the
 * second run rebuilds only the changed days, and the artifact meets the Pages rules.
 */
class PagesWorkflowTest {

    private static final Path WORKFLOW = Path.of("publish/github-pages.yml");
    private static final long PAGES_LIMIT = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void theBuildStepIsIncrementalOnAGrowingArchiveAndItsArtifactMeetsThePagesRules() throws Exception {
        String script = buildStep();
        Path archive = Files.createDirectories(dir.resolve("archive"));
        for (int day = 1; day <= 3; day++) {
            Files.writeString(archive.resolve("CLS_2026-01-0" + day + "_General.md"), day("2026-01-0" + day, 30));
        }
        Files.writeString(archive.resolve("README.md"), "# 我的存档\n\n每五分钟更新。\n");
        Files.createDirectories(archive.resolve(".github/workflows"));
        Files.copy(WORKFLOW, archive.resolve(".github/workflows/telegraph.yml"));

        String first = run(script, archive);
        assertTrue(first.contains("3 days (3 rebuilt)"), first);
        assertTrue(first.contains("skipped 1 file that is not a day file: README.md"), first);
        Path pages = dir.resolve("pages");
        assertMeetsPagesRules(pages);

        Files.writeString(archive.resolve("CLS_2026-01-03_General.md"), "**[23:59]** 【新的一条】财联社1月3日电，追加。\n\n",
                StandardOpenOption.APPEND);
        Files.writeString(archive.resolve("CLS_2026-01-04_General.md"), day("2026-01-04", 5));
        // a fresh checkout: every file has a new time, only two have new bytes
        try (Stream<Path> files = Files.walk(archive)) {
            FileTime now = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, now);
            }
        }
        String second = run(script, archive);

        // the grown day, the new day; the days before are untouched (01-03's next link changed with it)
        assertTrue(second.contains("4 days (2 rebuilt)"), second);
        assertTrue(written(second) < written(first) / 2, first + "\n" + second);
        assertMeetsPagesRules(pages);
        assertTrue(Files.readString(pages.resolve("2026/01/2026-01-03.html")).contains("新的一条"));
        Path full = dir.resolve("full");
        CommandRun fullBuild = CommandRun.of("build", "--content", archive.toString(), "--out", full.toString(), "--full",
                "--title", "测试存档", "--base-url", "https://example.org/cls/");
        assertEquals(0, fullBuild.code(), fullBuild.err());
        SiteTrees.assertSame(SiteTrees.published(full), SiteTrees.files(pages, name -> true), "artifact after two runs");
    }

    /** The {@code run:} script of the build job's "Build the site" step, as GitHub Actions runs it. */
    private static String buildStep() throws IOException {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        for (JsonNode step : workflow.at("/jobs/build/steps")) {
            if (step.path("name").asText().equals("Build the site")) {
                return step.get("run").asText();
            }
        }
        throw new AssertionError("no step 'Build the site' in " + WORKFLOW);
    }

    private String run(String script, Path archive) throws Exception {
        Path log = dir.resolve("log.txt");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", script).directory(archive.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = bash.environment();
        env.put("TELEGRAPH_JAR", launcher().toString());
        env.put("SITE_DIR", dir.resolve("site").toString());
        env.put("PAGES_DIR", dir.resolve("pages").toString());
        env.put("SITE_TITLE", "测试存档");
        env.put("BASE_URL", "https://example.org/cls/");
        int code = bash.start().waitFor();
        String output = Files.readString(log);
        assertEquals(0, code, output);
        return output;
    }

    /**
     * Stands in for the released jar: a jar holding only a manifest that runs telegraph's main class
     * on the tests' class path, so that the step's {@code java -jar "$TELEGRAPH_JAR"} is run as written.
     */
    private Path launcher() throws IOException {
        Path jar = dir.resolve("telegraph.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "telegraph.cli.Main");
        main.put(Attributes.Name.MULTI_RELEASE, "true");
        main.put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            return jar;
        }
    }

    /** upload-pages-artifact's rules: regular files and folders only, modes 0644 and 0755, under 1 GB; no build state. */
    private static void assertMeetsPagesRules(Path pages) throws IOException {
        assertTrue(Files.isRegularFile(pages.resolve("index.html")));
        assertFalse(Files.exists(pages.resolve(".telegraph")), "build state is not published");
        List<String> wrong = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(pages)) {
            for (Path p : walk.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!mode.equals("rwxr-xr-x")) {
                        wrong.add(p + " " + mode);
                    }
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    bytes += Files.size(p);
                    if (!mode.equals("rw-r--r--") || (Integer) Files.getAttribute(p, "unix:nlink") != 1) {
                        wrong.add(p + " " + mode);
                    }
                } else {
                    wrong.add(p + " is neither a file nor a folder");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(bytes < PAGES_LIMIT, bytes + " bytes");
    }

    private static long written(String output) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) files written").matcher(output);
        assertTrue(m.find(), output);
        return Long.parseLong(m.group(1));
    }

    private static String day(String date, int items) {
        StringBuilder text = new StringBuilder("# 财联社【普通】电报 - " + date + "\n> 统计周期：" + date
                + " 05:30 至次日 05:30\n\n---\n\n");
        for (int i = 0; i < items; i++) {
            text.append(String.format("**[%02d:%02d]** 【第%d条消息】财联社电，%s的第%d条，英伟达(NVDA.O)与贵州茅台(600519.SH)。%n%n",
                    6 + i / 2, (i % 2) * 30, i, date, i));
        }
        return text.toString();
    }
}
