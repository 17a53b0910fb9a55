package telegraph.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import telegraph.TestCorpus;

/**
 * The real files the fuzz tests damage, one of each layout, and the seeds they run: a failing
 * case names its seed, and {@code -Dtelegraph.fuzz.seed=N} runs that one alone.
 */
final class FuzzCases {

    /** A real file of one layout: the name it is read under and its text. */
    record Base(String name, String text) {
    }

    private FuzzCases() {
    }

    static List<Base> bases() {
        return List.of(
                base("corpus-real/cls-newspaper/CLS_2026-01-06_General.md"),
                base("corpus-real/cls-newspaper/CLS_2026-01-06_Major.md"),
                base("corpus-real/cls-echo-stacker/2026-05-16.md"),
                base("corpus-real/cls-echo-stacker/2026-05-16.jsonl"),
                base("corpus-real/cls-feishu-bot/财联社电报_2026-05-26.md"));
    }

    /** {@code count} seeds from {@code first}, or the one given on the command line. */
    static long[] seeds(long first, int count) {
        String one = System.getProperty("telegraph.fuzz.seed");
        return one != null ? new long[] {Long.parseLong(one)} : LongStream.range(first, first + count).toArray();
    }

    private static Base base(String path) {
        Path file = TestCorpus.shared().resolve(path);
        try {
            return new Base(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
