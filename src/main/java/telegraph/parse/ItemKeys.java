package telegraph.parse;

/** What two sources' texts of the same item have in common, whatever their spacing. */
final class ItemKeys {

    /** Shorter texts than this are not matched by prefix: too many items start alike. */
    static final int MIN_PREFIX = 20;

    private ItemKeys() {
    }

    /** The text without whitespace, brackets in one width. */
    static String comparable(String cleanText) {
        StringBuilder sb = new StringBuilder(cleanText.length());
        for (int i = 0; i < cleanText.length(); i++) {
            char c = cleanText.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            sb.append(c == '（' ? '(' : c == '）' ? ')' : c);
        }
        return sb.toString();
    }

    /** Whether two keys are the same item: equal, or one cut short of the other. */
    static boolean sameItem(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_PREFIX && longer.startsWith(shorter);
    }
}
