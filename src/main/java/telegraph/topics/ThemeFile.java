package telegraph.topics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import telegraph.parse.ContentException;

/**
 * Reads the site owner's themes from {@code topics.yml}:
 *
 * <pre>
 * themes:
 *   - name: 英伟达
 *     slug: nvidia            # optional; the name when absent
 *     keywords: [英伟达, NVIDIA, 黄仁勋]
 *     exclude: [英伟达概念股]   # optional: namesakes, inside which a word does not count
 *     context:                 # optional: words that count only beside a qualifier
 *       - words: [显卡]
 *         with: [GPU, 算力]
 *     require: [芯片]           # optional: one of these must also be in the item
 * </pre>
 *
 * Every mistake is reported as {@code file:line: reason} (a {@link ContentException}, so the
 * build stops before writing anything): YAML syntax, unknown fields, a missing name or
 * keywords, blank keywords, names over {@link #MAX_NAME} characters, two themes with one slug.
 * A slug is only an identity: any text is accepted and made file-name-safe by {@link Slugs}.
 */
public final class ThemeFile {

    static final int MAX_NAME = 100;
    static final int MAX_KEYWORD = 100;

    /** One entry as written; validated into a {@link Theme}. */
    private record Entry(String name, String slug, List<String> keywords, @JsonProperty("exclude") List<String> exclude,
                         List<ContextEntry> context, List<String> require) {
    }

    private record ContextEntry(List<String> words, @JsonProperty("with") List<String> with) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ThemeFile() {
    }

    /** The themes of a file's bytes; {@code name} is how errors name the file. */
    static List<Theme> read(String name, byte[] bytes) throws ContentException {
        try (JsonParser p = YAML.createParser(bytes)) {
            return read(p, name);
        } catch (JsonProcessingException e) {
            // SnakeYAML knows where the problem is and what it is; Jackson's own message and
            // location are those of the token it was scanning for.
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                throw new ContentException(name + ":" + (yaml.getProblemMark().getLine() + 1) + ": "
                        + firstLine(yaml.getProblem()));
            }
            throw error(name, e.getLocation(), firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ContentException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static List<Theme> read(JsonParser p, String file) throws IOException, ContentException {
        if (p.nextToken() == null) {
            return List.of();
        }
        expect(p, JsonToken.START_OBJECT, file, "expected 'themes:' at the top");
        List<Theme> themes = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (!"themes".equals(p.currentName())) {
                throw error(file, p.currentTokenLocation(), "unknown key '" + p.currentName() + "' (expected 'themes')");
            }
            p.nextToken();
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            expect(p, JsonToken.START_ARRAY, file, "'themes' must be a list of themes");
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                expect(p, JsonToken.START_OBJECT, file, "each theme must have name and keywords");
                Theme theme = validate(entry(p, file, at), file, at);
                Integer earlier = lines.putIfAbsent(theme.key(), at.getLineNr());
                if (earlier != null) {
                    throw error(file, at, "duplicate slug '" + theme.key() + "' (also at line " + earlier + ")");
                }
                themes.add(theme);
            }
        }
        return themes;
    }

    private static Entry entry(JsonParser p, String file, JsonLocation at) throws IOException, ContentException {
        try {
            return YAML.readValue(p, Entry.class);
        } catch (UnrecognizedPropertyException e) {
            throw error(file, at, "unknown field '" + e.getPropertyName() + "' in this theme (a theme has name, slug, "
                    + "keywords, exclude, context, require; a context entry has words, with)");
        }
    }

    private static Theme validate(Entry e, String file, JsonLocation at) throws ContentException {
        String name = e.name() == null ? "" : e.name().strip();
        if (name.isEmpty()) {
            throw error(file, at, "a theme needs a name");
        }
        if (name.length() > MAX_NAME) {
            throw error(file, at, "name is " + name.length() + " characters long (at most " + MAX_NAME + ")");
        }
        List<String> keywords = words(e.keywords(), "keywords", file, at);
        List<Theme.Context> context = new ArrayList<>();
        for (ContextEntry c : e.context() == null ? List.<ContextEntry>of() : e.context()) {
            if (c == null) {
                throw error(file, at, "an empty entry in 'context'");
            }
            List<String> contextWords = words(c.words(), "context words", file, at);
            List<String> qualifiers = words(c.with(), "context with", file, at);
            if (contextWords.isEmpty() || qualifiers.isEmpty()) {
                throw error(file, at, "a context entry of theme '" + name + "' needs both 'words' and 'with'");
            }
            context.add(new Theme.Context(contextWords, qualifiers));
        }
        if (keywords.isEmpty() && context.isEmpty()) {
            throw error(file, at, "theme '" + name + "' has no keywords");
        }
        List<String> exclusions = words(e.exclude(), "exclude", file, at);
        List<String> required = words(e.require(), "require", file, at);
        String slug = e.slug() == null || e.slug().isBlank() ? name : e.slug().strip();
        return new Theme(name, Names.key(Names.display(slug)), keywords, exclusions, context, required);
    }

    private static List<String> words(List<String> words, String field, String file, JsonLocation at)
            throws ContentException {
        List<String> out = new ArrayList<>();
        for (String w : words == null ? List.<String>of() : words) {
            String s = w == null ? "" : w.strip();
            if (s.isEmpty()) {
                throw error(file, at, "an empty entry in '" + field + "' would match every item");
            }
            if (s.length() > MAX_KEYWORD) {
                throw error(file, at, "an entry in '" + field + "' is " + s.length() + " characters long (at most "
                        + MAX_KEYWORD + ")");
            }
            out.add(s);
        }
        return out;
    }

    private static void expect(JsonParser p, JsonToken token, String file, String reason) throws ContentException {
        if (p.currentToken() != token) {
            throw error(file, p.currentTokenLocation(), reason);
        }
    }

    private static ContentException error(String file, JsonLocation at, String reason) {
        int line = at == null ? 0 : at.getLineNr();
        return new ContentException(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not valid YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
