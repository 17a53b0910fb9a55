package telegraph.topics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * File-name-safe, stable, collision-free slugs for any topic key, without transliteration.
 *
 * <p>Kept as they are: ASCII lower-case letters, digits and {@code -}, and letters or digits
 * outside ASCII that have no case (Chinese, Japanese, Korean…), so a topic's slug is its name
 * whenever possible. ASCII upper-case letters are lowered (keys are case-folded before they get
 * here, so this cannot merge two keys). Anything else ({@code / . : space}, emoji, letters with
 * case such as {@code É}, which case-insensitive file systems would fold) becomes {@code -}; the
 * result is cut to {@link #MAX_CODE_POINTS}. When anything was replaced or cut, or the result
 * is a reserved Windows device name, {@code _} and 10 hex digits of the SHA-256 of the key are
 * appended. Unchanged slugs never contain {@code _}, so an unchanged slug never equals a changed
 * one, and two changed slugs could only meet on a 40-bit hash collision of different keys.
 */
public final class Slugs {

    static final int MAX_CODE_POINTS = 48;
    private static final int HASH_HEX = 10;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private Slugs() {
    }

    public static String of(String key) {
        StringBuilder slug = new StringBuilder();
        boolean changed = false;
        int count = 0;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            i += Character.charCount(cp);
            if (count == MAX_CODE_POINTS) {
                changed = true;
                break;
            }
            if (cp >= 'A' && cp <= 'Z') {
                slug.append((char) (cp + ('a' - 'A')));
            } else if (kept(cp)) {
                slug.appendCodePoint(cp);
            } else {
                slug.append('-');
                changed = true;
            }
            count++;
        }
        String base = slug.toString();
        if (changed || base.isEmpty() || RESERVED.contains(base)) {
            return base + "_" + hash(key);
        }
        return base;
    }

    private static boolean kept(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-';
        }
        return Character.isLetterOrDigit(cp) && Character.toLowerCase(cp) == cp && Character.toUpperCase(cp) == cp
                && Character.toTitleCase(cp) == cp;
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
