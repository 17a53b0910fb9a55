package telegraph.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import telegraph.export.ExportReader;

/**
 * Which months a change of the archive's names of securities reaches, besides the changed
 * months themselves. Which securities a text names depends only on the known names it holds
 * and the codes they name ({@link CompanyNames#named}), and a security's share classes only on
 * the codes its names name; so an unchanged month is matched again only when its text holds a
 * name whose codes changed, or it has a security one of those names names. Its text is read
 * back from the JSON export of the last build (the month is unchanged since), searched as
 * written there; a month whose export cannot be read is matched again.
 */
final class NameReach {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NameReach() {
    }

    /**
     * @param changed names whose codes changed, with every code they name before or after
     *                ({@link CompanyNames#differences})
     * @param months  the unchanged months, with what the last build kept of each
     * @param site    the output folder
     */
    static Set<YearMonth> of(Map<String, Set<String>> changed, Map<YearMonth, NameTables.MonthNames> months, Path site) {
        Set<YearMonth> reached = new TreeSet<>();
        if (changed.isEmpty()) {
            return reached;
        }
        Set<String> codes = new TreeSet<>();
        changed.values().forEach(codes::addAll);
        Map<Character, List<String>> byFirstChar = new HashMap<>();
        for (String name : changed.keySet()) {
            String written = asWrittenInJson(name);
            byFirstChar.computeIfAbsent(written.charAt(0), c -> new ArrayList<>()).add(written);
        }
        ExportReader export;
        try {
            export = new ExportReader(site);
        } catch (IOException e) {
            return new TreeSet<>(months.keySet());
        }
        for (Map.Entry<YearMonth, NameTables.MonthNames> m : months.entrySet()) {
            if (m.getValue().securities().stream().anyMatch(codes::contains) || holdsAny(export, m.getKey(), byFirstChar)) {
                reached.add(m.getKey());
            }
        }
        return reached;
    }

    private static boolean holdsAny(ExportReader export, YearMonth month, Map<Character, List<String>> byFirstChar) {
        boolean[] found = {false};
        try {
            export.lines(month.toString(), chunk -> found[0] |= holdsAny(chunk, byFirstChar));
        } catch (IOException e) {
            return true;
        }
        return found[0];
    }

    private static boolean holdsAny(String text, Map<Character, List<String>> byFirstChar) {
        for (int i = 0; i < text.length(); i++) {
            List<String> names = byFirstChar.get(text.charAt(i));
            if (names != null) {
                for (String name : names) {
                    if (text.startsWith(name, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A name as a JSON string holds it: quotes and backslashes escaped. */
    private static String asWrittenInJson(String name) {
        try {
            String quoted = JSON.writeValueAsString(name);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always writes as JSON", e);
        }
    }
}
