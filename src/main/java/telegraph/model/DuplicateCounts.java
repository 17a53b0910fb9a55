package telegraph.model;

/**
 * How many input items a day folded into others, by kind; none of their text is lost.
 *
 * @param bothChannels the same item in the 普通 and 重磅 files
 * @param crossSource  the same item from two archives (matched by CLS id or time and text)
 * @param reposts      earlier versions of items re-posted under the same title
 * @param similar      items grouped with a near-duplicate (shown, linked to each other)
 */
public record DuplicateCounts(int bothChannels, int crossSource, int reposts, int similar) {

    public static final DuplicateCounts NONE = new DuplicateCounts(0, 0, 0, 0);

    public DuplicateCounts plus(DuplicateCounts o) {
        return new DuplicateCounts(bothChannels + o.bothChannels, crossSource + o.crossSource,
                reposts + o.reposts, similar + o.similar);
    }
}
