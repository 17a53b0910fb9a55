package telegraph.site;

import telegraph.export.DataExport;
import telegraph.output.OutputWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import telegraph.SiteTrees;
import telegraph.TestCorpus;
import telegraph.cli.CommandRun;
import telegraph.render.ArchiveOutput;
import telegraph.render.SiteInfo;

/**
 * A build that runs out of disk (or finds its disk read-only) fails with exit 3 and one line naming
 * the file and the reason; the site stays exactly as it was before (every page opens, every link
 * resolves, no temporary file is left), and the next build with room makes the site a full build
 * would. Where the test may mount a small tmpfs (as root, as on CI) the disk really fills and the
 * command line runs; elsewhere the output writer is given a room that runs out, and the builder's
 * exception is checked instead of the command's exit.
 */
@Tag("integration")
class FullDiskTest {

    private static final String NO_SPACE = "No space left on device";
    private static final List<String> FIRST_DAYS = List.of("CLS_2026-01-01", "CLS_2026-01-02", "CLS_2026-01-03");
    private static final List<String> LATER_DAYS = List.of("CLS_2026-01-04", "CLS_2026-01-05", "CLS_2026-01-06",
            "CLS_2026-01-07", "CLS_2026-01-08", "CLS_2026-01-09");

    @TempDir
    Path dir;

    /** What a build said: its exit code (3 for the builder's failure in the injected case) and its error lines. */
    private record Outcome(int code, List<String> errors) {
    }

    @Test
    void aFullDiskLeavesTheOldSiteWholeAndTheNextBuildRepairsIt() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        for (String day : FIRST_DAYS) {
            TestCorpus.copyNewspaper(day, content);
        }
        for (String day : LATER_DAYS) {
            TestCorpus.copyNewspaper(day, dir.resolve("later"));
        }
        try (Disk disk = Disk.open(dir.resolve("disk"))) {
            Path site = disk.root().resolve("site");
            assertTrue(disk.build(content, site, Disk.NO_LIMIT).code() <= 1, "the first build has room on " + disk.kind());
            var before = SiteTrees.published(site);
            assertEquals(List.of(), PageLinks.broken(site), "the site before");

            SiteTrees.copy(dir.resolve("later"), content);
            Path fresh = dir.resolve("fresh");
            assertTrue(disk.build(content, fresh, Disk.NO_LIMIT).code() <= 1, "a full build elsewhere");
            long full = SiteTrees.files(fresh, n -> true).values().stream().mapToLong(b -> b.length).sum();

            for (long room : List.of(0L, full / 50, full / 5, full * 9 / 20)) {
                String step = disk.kind() + ", " + room + " bytes free";
                Outcome failed = disk.build(content, site, room);
                assertEquals(3, failed.code(), step + ": " + failed.errors());
                assertOneLine(failed.errors(), site, NO_SPACE, step);
                assertWholeAsBefore(before, site, step);
            }
            if (disk.canMakeReadOnly()) {
                Outcome failed = disk.buildReadOnly(content, site);
                assertEquals(3, failed.code(), "read-only: " + failed.errors());
                assertOneLine(failed.errors(), site, "Read-only file system", "read-only");
                assertWholeAsBefore(before, site, "read-only");
            }

            Outcome repaired = disk.build(content, site, Disk.NO_LIMIT);
            assertTrue(repaired.code() <= 1, "with room again: " + repaired.errors());
            SiteTrees.assertSame(SiteTrees.published(fresh), SiteTrees.published(site), "repaired");
            assertEquals(List.of(), PageLinks.broken(site), "the repaired site");
        }
    }

    private static void assertOneLine(List<String> errors, Path site, String reason, String step) {
        assertEquals(1, errors.size(), step + ": one line: " + errors);
        String line = errors.get(0);
        assertTrue(line.startsWith("error: cannot ") && line.contains(site.toString()) && line.endsWith(": " + reason),
                step + ": names the file and the reason: " + line);
    }

    private static void assertWholeAsBefore(java.util.Map<String, byte[]> before, Path site, String step)
            throws IOException {
        SiteTrees.assertSame(before, SiteTrees.published(site), step);
        assertEquals(List.of(), PageLinks.broken(site), step);
        try (Stream<Path> walk = Files.walk(site)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().startsWith(".~")).toList(),
                    step + ": temporary files left");
        }
    }

    /** Where the site is built, and how its disk runs out of room. */
    private interface Disk extends AutoCloseable {
        long NO_LIMIT = -1;

        String kind();

        Path root();

        /** Builds {@code content} into {@code out} with {@code room} bytes left on the disk ({@link #NO_LIMIT}: all). */
        Outcome build(Path content, Path out, long room) throws Exception;

        boolean canMakeReadOnly();

        Outcome buildReadOnly(Path content, Path out) throws Exception;

        @Override
        void close() throws Exception;

        /** A tmpfs of its own when this process may mount one, else a writer whose room runs out. */
        static Disk open(Path folder) throws Exception {
            Files.createDirectories(folder);
            return Tmpfs.mount(folder) ? new Tmpfs(folder) : new Injected(folder);
        }
    }

    /** A real small disk: the command line runs on it, a file fills it up to the room wanted. */
    private record Tmpfs(Path root) implements Disk {

        static boolean mount(Path folder) {
            try {
                return run("mount", "-t", "tmpfs", "-o", "size=512m", "tmpfs", folder.toString());
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String kind() {
            return "tmpfs";
        }

        @Override
        public Outcome build(Path content, Path out, long room) throws Exception {
            Path filler = root.resolve("filler");
            if (room != NO_LIMIT) {
                fill(filler, Files.getFileStore(root).getUsableSpace() - room);
            }
            try {
                return command(content, out);
            } finally {
                Files.deleteIfExists(filler);
            }
        }

        @Override
        public boolean canMakeReadOnly() {
            return true;
        }

        @Override
        public Outcome buildReadOnly(Path content, Path out) throws Exception {
            assertTrue(run("mount", "-o", "remount,ro", root.toString()), "remount read-only");
            try {
                return command(content, out);
            } finally {
                assertTrue(run("mount", "-o", "remount,rw", root.toString()), "remount read-write");
            }
        }

        @Override
        public void close() throws IOException {
            run("umount", root.toString());
        }

        private static Outcome command(Path content, Path out) {
            CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", out.toString(), "-q");
            return new Outcome(run.code(), run.err().lines().filter(l -> !l.isBlank()).toList());
        }

        private static void fill(Path file, long bytes) throws IOException {
            byte[] block = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = bytes; left > 0; left -= block.length) {
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
            }
        }

        private static boolean run(String... command) throws IOException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                p.getInputStream().transferTo(OutputStream.nullOutputStream());
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** No disk of its own: the output writer is told the disk is full once the room is used up. */
    private record Injected(Path root) implements Disk {

        @Override
        public String kind() {
            return "injected write failure";
        }

        @Override
        public Outcome build(Path content, Path out, long room) throws Exception {
            AtomicLong left = new AtomicLong(room == NO_LIMIT ? Long.MAX_VALUE : room);
            OutputWriter.Room limited = (file, bytes) -> {
                if (left.addAndGet(-bytes) < 0) {
                    throw new FileSystemException(file.toString(), null, NO_SPACE);
                }
            };
            try {
                // the outputs the command line builds: every page links to search and topics
                List<ArchiveOutput> outputs = List.of(new DataExport(), new telegraph.search.SearchIndexOutput(),
                        new telegraph.topics.TopicOutput(List.of(content)));
                new SiteBuilder(outputs, folder -> new OutputWriter(folder, limited)).build(new SiteBuilder.Options(
                        List.of(content), out, null, new SiteInfo("t", ""), 2, false), (d, t) -> { });
                return new Outcome(0, List.of());
            } catch (UncheckedIOException e) {
                return new Outcome(3, new ArrayList<>(List.of("error: " + e.getMessage())));
            }
        }

        @Override
        public boolean canMakeReadOnly() {
            return false;
        }

        @Override
        public Outcome buildReadOnly(Path content, Path out) {
            throw new UnsupportedOperationException("no disk of its own");
        }

        @Override
        public void close() {
        }
    }
}
