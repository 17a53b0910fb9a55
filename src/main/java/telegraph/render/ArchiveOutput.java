package telegraph.render;

import telegraph.model.DaySummary;
import telegraph.output.OutputWriter;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;
import telegraph.model.Day;

/**
 * An output built from the whole archive besides the day pages (search index, topic pages,
 * feeds…). The builder hands it each month of parsed days, then calls {@link #finish} once.
 * Implementations keep only small per-month results in memory, so that an archive of any size
 * builds in bounded memory.
 *
 * <p>Builds are incremental: {@link #month} is called only for months whose days changed since
 * the last build into the same output folder (every month on a full build). {@link #finish}
 * must therefore produce its archive-wide files from what it wrote for every month (e.g. small
 * per-month metadata files in the output), and remove the files of months no longer present.
 */
public interface ArchiveOutput {

    /** A short name for reports, e.g. {@code search}. */
    String name();

    /**
     * Called once before any {@link #month}, for an output whose months depend on the whole
     * archive (topics learn companies' names from every month): it may read the changed months
     * (parsing them once more) and what it kept of the others, and asks for the unchanged months
     * whose output must be made again. Their days are parsed and handed to every output's
     * {@link #month} as if they had changed; their day pages are not rendered again. None by default.
     *
     * @param present the archive's months
     * @param changed the months that changed since the last build (some may be gone)
     * @param days    parses a present month's days, as {@link #month} gets them
     * @return unchanged present months to hand over again
     */
    default Set<YearMonth> prepare(Set<YearMonth> present, Set<YearMonth> changed, Function<YearMonth, List<Day>> days,
                                   OutputWriter out) {
        return Set.of();
    }

    /**
     * One month of days, in date order. Called from worker threads, concurrently for different
     * months and in no particular month order.
     */
    void month(YearMonth month, List<Day> days, OutputWriter out, PageRenderer pages) throws IOException;

    /**
     * Called once after every changed month has been handed over; not called at all when nothing
     * changed since the last build. Runs on a worker thread, side by side with the archive's own
     * pages and the other outputs' {@code finish}, unless {@link #finishReadsEarlierOutputs}.
     *
     * @param days    the whole calendar
     * @param changed the months handed to {@link #month} in this build, or removed since the last one
     */
    void finish(NavigableMap<LocalDate, DaySummary> days, Set<YearMonth> changed, OutputWriter out, PageRenderer pages)
            throws IOException;

    /**
     * Whether {@link #finish} reads files that the outputs listed before this one write in their
     * own {@code finish} (topic feeds read the export's index): it then starts once they are done.
     */
    default boolean finishReadsEarlierOutputs() {
        return false;
    }

    /**
     * The bytes of this output's own settings (e.g. {@code topics.yml}): part of the build's
     * fingerprint, so that changing them rebuilds every month, as a template change does.
     */
    default byte[] settings() {
        return new byte[0];
    }

    /**
     * Links this output offers for a month's page (e.g. the month's top topics), from what it wrote
     * for that month; called after every changed month was handed over. None by default.
     *
     * @param root the relative prefix from the month page back to the site root
     */
    default List<Link> monthHighlights(YearMonth month, OutputWriter out, String root) {
        return List.of();
    }

    /** Links this output adds to each item on the day pages (e.g. its topics); none by default. */
    default ItemLinks itemLinks() {
        return ItemLinks.NONE;
    }
}
