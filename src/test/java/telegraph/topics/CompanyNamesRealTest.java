package telegraph.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import telegraph.TestCorpus;
import telegraph.model.Item;
import telegraph.model.StockCode;
import telegraph.parse.DayAssembler;
import telegraph.parse.DayFile;
import telegraph.parse.DayFileReader;

/**
 * Names learned from the 50 real files' coded mentions find a company's news that does not
 * print its code: for the 15 securities with the most items (coded or named), at least 90 % of
 * the items whose text holds one of the company's names or its code, and no item that holds
 * neither.
 */
@Tag("integration")
class CompanyNamesRealTest {

    @Test
    void namesFindMostOfACompanysItemsAndNothingElse() throws IOException {
        List<Item> items = realItems();
        CompanyNames names = CompanyNames.learn(items);
        Map<String, Set<String>> learned = new TreeMap<>();
        Map<String, Set<String>> members = new TreeMap<>();
        for (Item item : items) {
            for (StockCode s : item.stocks()) {
                members.computeIfAbsent(s.code(), k -> new TreeSet<>()).add(item.id());
                if (!s.name().isEmpty()) {
                    learned.computeIfAbsent(s.code(), k -> new TreeSet<>()).add(s.name());
                }
            }
            for (String code : names.named(text(item))) {
                members.computeIfAbsent(code, k -> new TreeSet<>()).add(item.id());
            }
        }
        List<String> busiest = members.keySet().stream()
                .sorted(Comparator.comparingInt((String c) -> -members.get(c).size()).thenComparing(c -> c))
                .limit(15).toList();
        int byNameOnly = 0;
        for (String code : busiest) {
            Set<String> holding = new TreeSet<>();
            for (Item item : items) {
                String text = text(item);
                if (text.contains(code) || item.stocks().stream().anyMatch(s -> s.code().equals(code))
                        || learned.getOrDefault(code, Set.of()).stream().anyMatch(text::contains)) {
                    holding.add(item.id());
                }
            }
            Set<String> listed = members.get(code);
            Set<String> found = new TreeSet<>(listed);
            found.retainAll(holding);
            Set<String> neither = new TreeSet<>(listed);
            neither.removeAll(holding);
            System.out.printf("%s %s: %d listed, %d hold a name or the code%n", code, learned.get(code), listed.size(),
                    holding.size());
            assertTrue(found.size() >= 0.9 * holding.size(), code + ": " + found.size() + " of " + holding.size());
            assertEquals(Set.of(), neither, code + ": listed, holding neither its names nor its code");
            byNameOnly += listed.size() - (int) items.stream()
                    .filter(i -> listed.contains(i.id()) && i.stocks().stream().anyMatch(s -> s.code().equals(code)))
                    .count();
        }
        assertTrue(byNameOnly > 100, "items found by name alone: " + byNameOnly);
    }

    /** What an item says, without its source: a name in a byline is no mention. */
    private static String text(Item item) {
        return item.title() + item.dateline() + item.body();
    }

    private static List<Item> realItems() throws IOException {
        DayFileReader reader = new DayFileReader();
        Map<LocalDate, List<DayFile>> byDay = new TreeMap<>();
        try (Stream<Path> files = Files.list(TestCorpus.newspaper())) {
            for (Path path : files.filter(p -> p.getFileName().toString().startsWith("CLS_")).sorted().toList()) {
                DayFile file = reader.read(path);
                byDay.computeIfAbsent(file.date(), d -> new ArrayList<>()).add(file);
            }
        }
        assertEquals(25, byDay.size(), "the 50 real files are 25 days of two channels");
        List<Item> items = new ArrayList<>();
        DayAssembler assembler = new DayAssembler();
        byDay.forEach((date, files) -> items.addAll(assembler.assemble(date, files).items()));
        return items;
    }
}
