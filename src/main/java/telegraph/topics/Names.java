package telegraph.topics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The normal form of names from item text, so that spellings of one name are one topic. */
final class Names {

    private static final Pattern DOTS = Pattern.compile("[・•‧∙⋅]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Names() {
    }

    /**
     * NFKC (full-width letters and digits become ASCII, so {@code ＣＣＴＶ} is {@code CCTV}), the
     * middle dots the feed uses interchangeably unified to {@code ·}, whitespace removed and ASCII
     * lower-cased for the key. Returns the display form; {@link #key} the identity.
     */
    static String display(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = SPACE.matcher(DOTS.matcher(s).replaceAll("·")).replaceAll("");
        return s.strip();
    }

    /** The identity of a display name: ASCII case does not make another outlet or column. */
    static String key(String display) {
        return display.toLowerCase(Locale.ROOT);
    }
}
