package telegraph.topics;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as inline SVG at build time: the geometry is computed here, the template
 * only writes one {@code <rect>} per bar.
 *
 * @param width   view box width
 * @param height  view box height
 * @param caption what the chart shows, also its accessible name
 * @param bars    one per value, zero-height bars left out
 */
public record Chart(int width, int height, String caption, int max, List<Bar> bars) {

    /** A bar; {@code title} is its tooltip, e.g. "1月6日：3 条". */
    public record Bar(int x, int y, int w, int h, String title) {
    }

    static final int HEIGHT = 60;
    private static final int MAX_WIDTH = 720;

    /** Bars for values in order, each labelled; the widest bars that fit {@link #MAX_WIDTH}. */
    static Chart of(String caption, List<Integer> values, List<String> labels) {
        int n = Math.max(1, values.size());
        int step = Math.max(2, Math.min(24, MAX_WIDTH / n));
        int gap = step >= 6 ? 1 : 0;
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int v = values.get(i);
            if (v > 0) {
                int h = Math.max(1, Math.round((float) v * HEIGHT / max));
                bars.add(new Bar(i * step, HEIGHT - h, step - gap, h, labels.get(i) + "：" + v + " 条"));
            }
        }
        return new Chart(n * step, HEIGHT, caption, max, bars);
    }
}
