package telegraph.model;

/**
 * The feed's importance levels, as cls.cn names them: A is the red-marked top level of the
 * major channel, B the rest of the major channel, C the general channel.
 */
public enum Level {
    A, B, C;

    public boolean isMajor() {
        return this != C;
    }

    /** The more important of two levels (A beats B beats C). */
    public Level max(Level other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
