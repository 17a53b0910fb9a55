package telegraph.model;

/**
 * Input that could not be read as intended. It is reported as {@code file:line: reason} and,
 * where it carries text, that text is kept in the output.
 *
 * @param where  the file and line
 * @param reason why it could not be read
 * @param text   the offending text as found (cleaned of control characters), possibly empty
 */
public record Problem(SourceLine where, String reason, String text) {
    private static final int MAX_TEXT = 2_000;

    @Override
    public String toString() {
        return where + ": " + reason;
    }

    /** Problem texts are kept, but a whole binary file need not be. */
    public static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
