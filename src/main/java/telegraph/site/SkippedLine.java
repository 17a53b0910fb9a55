package telegraph.site;

import java.util.List;

/** The one line that names the files that are not day files, for the summary and for errors. */
public final class SkippedLine {

    /** An archive repository may hold many other files: the line names the first few. */
    private static final int NAMED = 8;

    private SkippedLine() {
    }

    /** {@code skipped 3 files that are not day files: LICENSE, README.md, notes.txt}, or "" for none. */
    public static String of(List<String> skipped, String before) {
        if (skipped.isEmpty()) {
            return "";
        }
        String names = String.join(", ", skipped.subList(0, Math.min(NAMED, skipped.size())));
        String more = skipped.size() > NAMED ? ", … (" + (skipped.size() - NAMED) + " more)" : "";
        String files = skipped.size() == 1 ? " file that is not a day file: " : " files that are not day files: ";
        return before + "skipped " + skipped.size() + files + names + more;
    }
}
