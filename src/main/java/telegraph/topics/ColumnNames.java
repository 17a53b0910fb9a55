package telegraph.topics;

/**
 * The column of an item: the bracketed tag that opens a nested title, {@code 【【研选】…】}.
 * {@link telegraph.model.Item#title()} holds the title without its outer brackets, so a title
 * starting with {@code 【X】} is in column X.
 */
final class ColumnNames {

    /** Longer tags are headlines quoted in brackets, not column names. */
    private static final int MAX_LENGTH = 16;

    private ColumnNames() {
    }

    /** The normalised column name, or empty. */
    static String of(String title) {
        if (!title.startsWith("【")) {
            return "";
        }
        int close = title.indexOf('】');
        if (close < 0) {
            return "";
        }
        String inner = title.substring(1, close);
        if (inner.indexOf('【') >= 0) {
            return "";
        }
        String name = Names.display(inner);
        return name.length() > MAX_LENGTH ? "" : name;
    }
}
