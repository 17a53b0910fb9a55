package telegraph.output;

/**
 * The parts of the output folder, told apart by path alone, so that every writer is counted in the
 * build's summary without saying which part it writes.
 */
public enum OutputPart {
    DAY_PAGES("day pages"),
    TOPICS("topics"),
    SEARCH("search"),
    DATA("data"),
    ASSETS("assets"),
    OTHER("other"),
    STATE("build state");

    private final String label;

    OutputPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The part of a path relative to the output folder: {@code YYYY/} holds the day and month pages,
     * {@code topics/} and the archive's {@code feed.xml} the topics, {@code search/} and
     * {@code search.html} the search, {@code .telegraph/} the build's own state; the home page and
     * the reports are "other".
     */
    public static OutputPart of(String relative) {
        if (relative.length() > 5 && relative.charAt(4) == '/' && isYear(relative)) {
            return DAY_PAGES;
        }
        if (relative.startsWith("topics/") || relative.equals("feed.xml")) {
            return TOPICS;
        }
        if (relative.startsWith("search/") || relative.equals("search.html")) {
            return SEARCH;
        }
        if (relative.startsWith("data/")) {
            return DATA;
        }
        if (relative.startsWith("assets/")) {
            return ASSETS;
        }
        return relative.startsWith(".telegraph/") ? STATE : OTHER;
    }

    private static boolean isYear(String relative) {
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(relative.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
