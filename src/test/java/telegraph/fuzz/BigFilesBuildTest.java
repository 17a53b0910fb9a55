package telegraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.ChildJvm;

/** Huge day files build in a JVM of {@code -Xmx1g}, and every stamped line is shown. */
class BigFilesBuildTest {

    @TempDir
    Path dir;

    @Test
    void aMegabyteLineAndAFileOfAHundredThousandItemsBuildWithinAGigabyte() throws Exception {
        Path content = Files.createDirectories(dir.resolve("big"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder("# 财联社【普通】电报 - 2026-01-06\n> 统计周期：2026-01-06 05:30 至次日 05:30\n\n---\n\n");
        line.append("**[06:00]** 【一兆长行】").append("财联社电，很长的正文。".repeat(100_000)).append("\n\n");
        line.append("**[26:00]** 【时间不对的一兆长行】").append("坏".repeat(1_000_000)).append("\n\n");
        line.append("**[07:00]** 【之后的一条】财联社电，短。\n");
        files.put("CLS_2026-01-06_General.md", line.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder many = new StringBuilder("# 财联社【普通】电报 - 2026-01-07\n> 统计周期：2026-01-07 05:30 至次日 05:30\n\n---\n\n");
        java.util.Random words = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            many.append(String.format("**[%02d:%02d]** 【第%d条】财联社电，%s。%n%n", (5 + i / 60 % 24) % 24, i % 60, i,
                    han(words, 12)));
        }
        files.put("CLS_2026-01-07_General.md", many.toString().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(content.resolve(f.getKey()), f.getValue());
        }
        Path site = dir.resolve("big-site");
        Path log = dir.resolve("big.log");
        Process build = ChildJvm.start(log, "build", "--content", content.toString(), "--out", site.toString(), "-q");
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "finished");
        String output = Files.readString(log);
        assertTrue(build.exitValue() <= 1, "exit " + build.exitValue() + " within -Xmx1g: " + output);
        assertFalse(output.contains("OutOfMemoryError") || output.contains("\tat "), output);
        FuzzedBuildsTest.assertAllShown(files, site, "big files");
    }

    /** Random common Chinese characters: items that are not near-duplicates of each other, in few words. */
    private static String han(java.util.Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (0x4E00 + random.nextInt(300)));
        }
        return b.toString();
    }
}
