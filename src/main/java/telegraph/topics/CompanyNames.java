package telegraph.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import telegraph.model.Item;
import telegraph.model.StockCode;

/**
 * The names of securities, learned from their coded mentions ({@code 贵州茅台（600519.SH）}), and
 * which securities a text names by one of them without writing the code.
 *
 * <p>Decisions, measured on the 50 real files:
 * <ul>
 *   <li>A name counts only whole: an occurrence inside a longer known name is not one
 *       ({@code 中国平安} in {@code 中国平安银行} when 中国平安银行 is known), and two names of
 *       different securities that overlap ({@code 中国平安银行} holding 中国平安 and 平安银行) name
 *       neither: the text is some third thing, or ambiguous.</li>
 *   <li>Names shorter than {@link #MIN_LENGTH} characters are not matched: the real files' two-character
 *       names include 苹果 (also the fruit, in futures news) and 康宁 (also a common word).</li>
 *   <li>A name of Latin letters or digits counts only as a whole word ({@code IBM} not in {@code IBMX}).</li>
 *   <li>A few names that are ordinary words ({@link #WORDS}) are not matched.</li>
 *   <li>A name several codes share (A and H shares, {@code 金风科技}: 002202.SZ and 02208.HK)
 *       names all of them: the text names the company, not a share class.</li>
 * </ul>
 * Items are scanned once: names are indexed by their first character, as {@link KeywordMatcher}
 * indexes keywords.
 */
final class CompanyNames {

    /** Characters (code points) a name needs to be matched without its code. */
    static final int MIN_LENGTH = 3;
    /**
     * Names that are ordinary words of news text far more often than the company: on the real
     * files 太阳能 (000591.SZ) is written 25 times, every time for solar power.
     */
    private static final Set<String> WORDS = Set.of("太阳能");

    private record Occurrence(int start, int end, String name) {
        boolean inside(Occurrence o) {
            return o.start <= start && end <= o.end && o.end - o.start > end - start;
        }

        boolean overlaps(Occurrence o) {
            return start < o.end && o.start < end && !inside(o) && !o.inside(this);
        }
    }

    /** No names: matches nothing. */
    static final CompanyNames NONE = new CompanyNames(Map.of());

    /** Codes by name. */
    private final Map<String, Set<String>> codes;
    private final Map<Character, List<String>> byFirstChar = new HashMap<>();

    /** @param names every name each code was given, by code */
    CompanyNames(Map<String, ? extends Collection<String>> names) {
        Map<String, Set<String>> byName = new TreeMap<>();
        names.forEach((code, list) -> list.stream()
                .filter(CompanyNames::matchable)
                .forEach(n -> byName.computeIfAbsent(n, k -> new TreeSet<>()).add(code)));
        this.codes = byName;
        byName.keySet().forEach(n -> byFirstChar.computeIfAbsent(n.charAt(0), c -> new ArrayList<>()).add(n));
    }

    private static boolean matchable(String name) {
        return name.codePointCount(0, name.length()) >= MIN_LENGTH && !WORDS.contains(name);
    }

    /**
     * The names that name other codes here than there (or only here or there), with every code
     * they name in either: a text's matches change only if it holds one of these names, and a
     * security's share classes only if it is one of these codes.
     *
     * @return codes by name
     */
    Map<String, Set<String>> differences(CompanyNames other) {
        Map<String, Set<String>> changed = new TreeMap<>();
        Set<String> all = new TreeSet<>(codes.keySet());
        all.addAll(other.codes.keySet());
        for (String name : all) {
            Set<String> here = codes.getOrDefault(name, Set.of());
            Set<String> there = other.codes.getOrDefault(name, Set.of());
            if (!here.equals(there)) {
                Set<String> both = new TreeSet<>(here);
                both.addAll(there);
                changed.put(name, both);
            }
        }
        return changed;
    }

    /** The names of every code the items write with a name before it. */
    static CompanyNames learn(Iterable<Item> items) {
        return new CompanyNames(table(items));
    }

    /** Every name the items give each code, by code. */
    static Map<String, Set<String>> table(Iterable<Item> items) {
        Map<String, Set<String>> names = new TreeMap<>();
        for (Item item : items) {
            for (StockCode stock : item.stocks()) {
                if (!stock.name().isEmpty()) {
                    names.computeIfAbsent(stock.code(), k -> new TreeSet<>()).add(stock.name());
                }
            }
        }
        return names;
    }

    /**
     * The other codes a name of this code also names: share classes of one company (A and H
     * shares), in code order.
     */
    Set<String> siblings(String code) {
        Set<String> siblings = new TreeSet<>();
        codes.values().stream().filter(c -> c.contains(code)).forEach(siblings::addAll);
        siblings.remove(code);
        return siblings;
    }

    /** The codes whose names the text holds whole, in code order. */
    Set<String> named(String text) {
        List<Occurrence> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            List<String> candidates = byFirstChar.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (String name : candidates) {
                if (text.startsWith(name, i) && wholeWord(text, i, i + name.length())) {
                    found.add(new Occurrence(i, i + name.length(), name));
                }
            }
        }
        Set<String> named = new TreeSet<>();
        for (Occurrence o : found) {
            boolean kept = true;
            for (Occurrence other : found) {
                if (o.inside(other) || (o.overlaps(other) && !shareACode(o.name(), other.name()))) {
                    kept = false;
                    break;
                }
            }
            if (kept) {
                named.addAll(codes.get(o.name()));
            }
        }
        return named;
    }

    private boolean shareACode(String a, String b) {
        return codes.get(a).stream().anyMatch(codes.get(b)::contains);
    }

    /** A name that starts or ends with a Latin letter or digit must not run on into another. */
    private static boolean wholeWord(String text, int start, int end) {
        return !(latin(text.charAt(start)) && start > 0 && latin(text.charAt(start - 1)))
                && !(latin(text.charAt(end - 1)) && end < text.length() && latin(text.charAt(end)));
    }

    private static boolean latin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
