package telegraph.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import telegraph.model.Level;

/** Field values shared by the two cls-echo-stacker layouts. */
final class EchoFields {

    private static final Pattern SUBJECT_SEPARATORS = Pattern.compile("[，,、]");

    private EchoFields() {
    }

    static Level level(String value) {
        try {
            return value.isBlank() ? null : Level.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> subjects(String value) {
        return Arrays.stream(SUBJECT_SEPARATORS.split(value)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The item text as the seed's files hold it: the title in 【】 leads the content. The content
     * usually starts with its own 【title】 already; one that starts with another 【…】 (a damaged
     * file) still gets the title, which would be lost otherwise.
     */
    static String withTitle(String title, String content) {
        String body = content.strip();
        if (title.isEmpty() || TextCleaner.stripInvisible(body).startsWith("【" + TextCleaner.stripInvisible(title))) {
            return body;
        }
        return "【" + title + "】" + body;
    }
}
