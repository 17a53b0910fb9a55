package telegraph.topics;

/** The four kinds of topic, each with its own folder under {@code topics/} so kinds never collide. */
public enum TopicKind {
    SECURITY("stock", "证券"),
    COLUMN("column", "栏目"),
    SOURCE("source", "来源"),
    THEME("theme", "主题"),
    /** CLS's own subjects (环球市场情报, 黄金…), carried by the echo-stacker archives. */
    SUBJECT("subject", "财联社题材");

    private final String dir;
    private final String label;

    TopicKind(String dir, String label) {
        this.dir = dir;
        this.label = label;
    }

    /** The folder name under {@code topics/}. */
    public String dir() {
        return dir;
    }

    /** The Chinese name shown to readers. */
    public String label() {
        return label;
    }
}
