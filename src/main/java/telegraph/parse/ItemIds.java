package telegraph.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Stable item ids: the exact minute plus a hash of the item's cleaned text, e.g.
 * {@code 20260107-0001-3fa9c21b}. An item keeps its id when its day file is rewritten and
 * grows, because neither its minute nor its text changes. The same text posted twice in the
 * same minute of one file gets {@code -2}, {@code -3}… in file order, which appending keeps.
 */
final class ItemIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private ItemIds() {
    }

    static String of(OffsetDateTime time, String cleanText, int occurrence) {
        String id = STAMP.format(time) + "-" + hash8(cleanText);
        return occurrence <= 1 ? id : id + "-" + occurrence;
    }

    private static String hash8(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
