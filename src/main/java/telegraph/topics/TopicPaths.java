package telegraph.topics;

import java.time.YearMonth;

/** Where topic files live in the output: {@code topics/<kind>/<slug>/…}. */
public final class TopicPaths {

    static final String DIR = "topics/";
    static final String DIRECTORY = DIR + "index.html";
    static final String ARCHIVE_FEED = "feed.xml";
    /** Per-month topic counts and newest items, read back by {@link TopicOutput#finish}. */
    static final String MONTHS = DIR + ".months/";

    private TopicPaths() {
    }

    static String folder(TopicKind kind, String slug) {
        return DIR + kind.dir() + "/" + slug + "/";
    }

    public static String index(TopicKind kind, String slug) {
        return folder(kind, slug) + "index.html";
    }

    static String month(TopicKind kind, String slug, YearMonth month) {
        return folder(kind, slug) + month + ".html";
    }

    static String feed(TopicKind kind, String slug) {
        return folder(kind, slug) + "feed.xml";
    }

    static String monthFile(YearMonth month) {
        return MONTHS + month + ".json";
    }
}
