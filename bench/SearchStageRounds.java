import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import telegraph.model.Day;
import telegraph.output.OutputWriter;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFileReader;
import telegraph.search.SearchIndexOutput;

/**
 * The search stage alone, run several times in one JVM on one thread: the first round is what a
 * build pays (cold JIT), the later ones what indexing costs once compiled. Reads a corpus of
 * {@code YYYY-MM-DD.md} day files, then writes every month's search files into a fresh folder
 * per round under OUT_DIR (use a memory file system, e.g. /dev/shm, to leave the disk out).
 *
 * <p>Usage: {@code java -Xmx1g -cp target/telegraph.jar bench/SearchStageRounds.java CORPUS OUT_DIR [ROUNDS [positions]]}
 * ({@code positions}: the index keeps positions, as {@code build --search-positions} does)
 */
public class SearchStageRounds {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp target/telegraph.jar bench/SearchStageRounds.java CORPUS OUT_DIR [ROUNDS [positions]]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean positions = args.length > 3 && args[3].equals("positions");
        Map<YearMonth, List<Day>> months = readMonths(corpus);
        long items = months.values().stream().flatMap(List::stream).mapToLong(d -> d.items().size()).sum();
        System.out.printf("%d months, %d items%n", months.size(), items);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            Path out = outDir.resolve("search-stage-" + round);
            OutputWriter writer = new OutputWriter(out);
            long cpu = threads.getCurrentThreadCpuTime();
            long user = threads.getCurrentThreadUserTime();
            for (Map.Entry<YearMonth, List<Day>> month : months.entrySet()) {
                new SearchIndexOutput(item -> List.of(), new byte[0], Map.of(), positions)
                        .month(month.getKey(), month.getValue(), writer, null);
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            user = threads.getCurrentThreadUserTime() - user;
            System.out.printf("round %d: %.2f s CPU (user %.2f s) = %.1f µs per item%n",
                    round + 1, cpu / 1e9, user / 1e9, cpu / 1e3 / items);
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Map<YearMonth, List<Day>> readMonths(Path corpus) throws Exception {
        DayFileReader reader = new DayFileReader();
        DayAssembler assembler = new DayAssembler();
        Map<YearMonth, List<Day>> months = new TreeMap<>(Comparator.reverseOrder());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.md")).sorted().toList();
        }
        for (Path file : files) {
            LocalDate date = LocalDate.parse(file.getFileName().toString().substring(0, 10));
            months.computeIfAbsent(YearMonth.from(date), m -> new ArrayList<>())
                    .add(assembler.assemble(date, List.of(reader.read(file))));
        }
        return months;
    }
}
