package telegraph.topics;

import java.util.List;

/**
 * A bar chart drawn as inline SVG at build time: every bar is one move-and-draw of a single
 * {@code <path>}, so a 90-day chart costs about a kilobyte; the template only writes the path.
 *
 * @param width   view box width
 * @param height  view box height
 * @param caption what the chart shows, also its accessible name
 * @param max     the largest value, the height of the view box
 * @param path    the bars as SVG path data, zero values left out
 */
public record Chart(int width, int height, String caption, int max, String path) {

    static final int HEIGHT = 60;
    private static final int MAX_WIDTH = 720;

    /** Bars for values in order; the widest bars that fit {@link #MAX_WIDTH}. */
    static Chart of(String caption, List<Integer> values) {
        int n = Math.max(1, values.size());
        int step = Math.max(2, Math.min(24, MAX_WIDTH / n));
        int gap = step >= 6 ? 1 : 0;
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            int v = values.get(i);
            if (v > 0) {
                int h = Math.max(1, Math.round((float) v * HEIGHT / max));
                path.append('M').append(i * step).append(' ').append(HEIGHT).append('v').append(-h)
                        .append('h').append(step - gap).append('v').append(h).append('z');
            }
        }
        return new Chart(n * step, HEIGHT, caption, max, path.toString());
    }
}
