package telegraph.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import telegraph.model.Channel;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Reads cls-echo-stacker's JSONL: one item per line, normalised fields plus the raw CLS API
 * object. Each line is parsed on its own, so a malformed line is reported with its number and
 * the others are kept.
 */
final class EchoJsonlReader {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");
    private final ObjectMapper json = new ObjectMapper();

    DayFile read(String name, String[] lines, List<Problem> problems) {
        List<RawItem> items = new ArrayList<>();
        LocalDate date = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            SourceLine where = new SourceLine(name, i + 1);
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(new Problem(where, "malformed JSON: " + e.getOriginalMessage(),
                        Problem.clip(TextCleaner.clean(line))));
                continue;
            }
            RawItem item = item(where, node, problems, line);
            if (item != null) {
                items.add(item);
                date = date == null ? calendarDate(node, item) : date;
            }
        }
        if (date == null) {
            date = CalendarDates.fromName(name);
        }
        return new DayFile(name, Layout.ECHO_JSONL, "财联社", Channel.GENERAL, date, items, problems);
    }

    private static LocalDate calendarDate(JsonNode node, RawItem item) {
        LocalDate stated = CalendarDates.parse(node.path("date").asText(""));
        return stated != null ? stated : item.time().toLocalDate();
    }

    private static RawItem item(SourceLine where, JsonNode node, List<Problem> problems, String line) {
        LocalDateTime time = time(node);
        String content = node.path("content").asText("");
        String text = EchoFields.withTitle(node.path("title").asText("").strip(),
                content.isBlank() ? node.path("brief").asText("") : content);
        if (time == null || text.isBlank() || !node.isObject()) {
            problems.add(new Problem(where, time == null ? "no usable datetime/ctime" : "item has no text",
                    Problem.clip(TextCleaner.clean(line))));
            return null;
        }
        List<String> subjects = new ArrayList<>();
        node.path("subjects").forEach(s -> subjects.add(s.isTextual() ? s.asText() : s.path("subject_name").asText()));
        String url = node.path("shareurl").asText(node.path("url").asText(""));
        // Newlines inside items are spaces in every other layout; keep the texts comparable.
        String oneLine = LINE_BREAK.matcher(text).replaceAll(" ").strip();
        return new RawItem(where, DayFile.windowOf(time), time, oneLine,
                new Extras(node.path("id").asText(""), EchoFields.level(node.path("level").asText("")),
                        subjects, url, true, false));
    }

    private static LocalDateTime time(JsonNode node) {
        try {
            String iso = node.path("datetime").asText("");
            if (!iso.isEmpty()) {
                return OffsetDateTime.parse(iso).atZoneSameInstant(BEIJING).toLocalDateTime();
            }
            long ctime = node.path("ctime").asLong(0);
            return ctime > 0 ? LocalDateTime.ofEpochSecond(ctime, 0, BEIJING) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
