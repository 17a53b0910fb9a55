package telegraph.model;

/** The two channels the feed is published in. */
public enum Channel {
    GENERAL("普通", "General"),
    MAJOR("重磅", "Major");

    private final String label;
    private final String fileSuffix;

    Channel(String label, String fileSuffix) {
        this.label = label;
        this.fileSuffix = fileSuffix;
    }

    /** The Chinese name used in day-file headings. */
    public String label() {
        return label;
    }

    /** The English name used in real archive file names. */
    public String fileSuffix() {
        return fileSuffix;
    }

    public static Channel fromLabel(String label) {
        for (Channel c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel 【" + label + "】");
    }
}
