package telegraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import telegraph.model.Problem;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;
import telegraph.parse.RawItem;
import telegraph.parse.TextCleaner;

/**
 * The readers of every layout on damaged real files and on random bytes: no exception escapes,
 * and every stamped line's text is in an item or in a problem (nothing is dropped). Each case
 * is made from its seed alone; a failure names the seed and what was done to the file.
 */
@Tag("integration")
class ReaderFuzzTest {

    private final DayFileReader reader = new DayFileReader();

    @Test
    void damagedRealFilesLoseNoStampedLine() {
        List<FuzzCases.Base> bases = FuzzCases.bases();
        List<String> failures = new ArrayList<>();
        for (long seed : FuzzCases.seeds(1_000, 400)) {
            Mutator mutator = new Mutator(seed);
            FuzzCases.Base base = bases.get(mutator.random().nextInt(bases.size()));
            byte[] bytes = mutator.mutate(base.text(), 1 + mutator.random().nextInt(25));
            String what = "seed " + seed + " (" + base.name() + ": " + mutator.done() + ")";
            check(base.name(), bytes, what, failures);
        }
        assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " failing cases");
    }

    @Test
    void randomBytesAreReadWithoutAnException() {
        List<String> failures = new ArrayList<>();
        String[] names = {"CLS_2026-01-06_General.md", "2026-05-16.md", "2026-05-16.jsonl", "财联社电报_2026-05-26.md",
            "notes.md"};
        for (long seed : FuzzCases.seeds(5_000, 300)) {
            Mutator mutator = new Mutator(seed);
            byte[] bytes = mutator.noise(mutator.random().nextInt(20_000));
            String name = names[mutator.random().nextInt(names.length)];
            check(name, bytes, "seed " + seed + " (" + name + ": " + mutator.done() + ")", failures);
        }
        assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " failing cases");
    }

    private void check(String name, byte[] bytes, String what, List<String> failures) {
        DayFile file;
        try {
            file = reader.read(name, bytes);
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(what + ": " + e);
            return;
        }
        if (name.endsWith(".jsonl")) {
            return; // a JSON line's text is a field's value, not what follows a stamp
        }
        StringBuilder kept = new StringBuilder();
        for (RawItem item : file.items()) {
            kept.append(Stamps.letters(TextCleaner.clean(item.text())));
        }
        for (Problem problem : file.problems()) {
            kept.append(Stamps.letters(problem.text()));
        }
        List<Stamps.Stamp> missing = Stamps.of(bytes).missingFrom(kept.toString());
        if (!missing.isEmpty()) {
            failures.add(what + ": stamped lines in no item and no problem: " + missing);
        }
    }

    @Test
    void aFailingCaseCanBeMadeAgainFromItsSeed() {
        FuzzCases.Base base = FuzzCases.bases().get(0);
        Mutator a = new Mutator(42);
        Mutator b = new Mutator(42);
        if (!java.util.Arrays.equals(a.mutate(base.text(), 20), b.mutate(base.text(), 20))) {
            fail("the same seed made two different files");
        }
        assertEquals(a.done(), b.done());
    }
}
