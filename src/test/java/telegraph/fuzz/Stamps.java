package telegraph.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import telegraph.parse.TextCleaner;

/**
 * The lines of a file that carry an item's time stamp ({@code **[HH:MM]**}, an echo heading
 * {@code ## HH:MM:SS｜}, a feishu {@code - [HH:MM]}), each with a probe: the first letters and
 * digits of the text after the stamp. Whatever else a build does with such a line, its text must
 * be shown, on a day page or among the problems; comparing letters and digits only leaves the
 * markup free to change.
 */
record Stamps(List<Stamp> lines) {

    /** A stamped line: its number and its probe. */
    record Stamp(int line, String probe) {
    }

    private static final int PROBE = 8;
    private static final Pattern STAMP = Pattern.compile(
            "\\*\\*\\[\\d{1,2}:\\d{2}\\]\\*\\*|^##\\s+\\d{1,2}:\\d{2}:\\d{2}\\s*[｜|]|^\\s*- \\[\\d{1,2}:\\d{2}\\]");
    /** An echo item's field ({@code - id: …}): data for links and levels, not text to show. */
    private static final Pattern FIELD = Pattern.compile("^\\s*-\\s*[a-z_]+:");
    /** Where a markdown link leads is not shown. */
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The stamped lines of a file as its reader is documented to decode it (UTF-8, else GB18030). */
    static Stamps of(byte[] bytes) {
        List<Stamp> stamps = new ArrayList<>();
        String[] lines = decode(bytes).split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = STAMP.matcher(lines[i]);
            if (m.find() && !FIELD.matcher(lines[i]).lookingAt()) {
                String probe = letters(TextCleaner.clean(LINK_TARGET.matcher(lines[i].substring(m.end())).replaceAll("]")));
                if (probe.length() >= 4) {
                    stamps.add(new Stamp(i + 1, probe.substring(0, Math.min(PROBE, probe.length()))));
                }
            }
        }
        return new Stamps(stamps);
    }

    /** The stamps whose probe is not in {@code shown} (letters and digits of what is shown). */
    List<Stamp> missingFrom(String shown) {
        Set<String> wanted = new HashSet<>();
        lines.forEach(s -> wanted.add(s.probe()));
        Set<Integer> lengths = new TreeSet<>();
        wanted.forEach(p -> lengths.add(p.length()));
        // one pass over what is shown, not one per stamp: a page of a day holds hundreds
        Set<String> found = new HashSet<>();
        for (int i = 0; i < shown.length() && found.size() < wanted.size(); i++) {
            for (int length : lengths) {
                if (i + length <= shown.length()) {
                    String piece = shown.substring(i, i + length);
                    if (wanted.contains(piece)) {
                        found.add(piece);
                    }
                }
            }
        }
        return lines.stream().filter(s -> !found.contains(s.probe())).toList();
    }

    /** Only the letters and digits of a text. */
    static String letters(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String decode(byte[] bytes) {
        if (valid(bytes, bytes.length, StandardCharsets.UTF_8)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        // cut short inside a character while written: UTF-8 all the same
        for (int cut = 1; cut <= 3 && cut <= bytes.length; cut++) {
            if ((bytes[bytes.length - cut] & 0xC0) == 0xC0 && valid(bytes, bytes.length - cut, StandardCharsets.UTF_8)) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return valid(bytes, bytes.length, GB18030) ? new String(bytes, GB18030) : new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean valid(byte[] bytes, int length, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
