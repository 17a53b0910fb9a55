package telegraph.site;

import java.util.List;
import telegraph.model.Problem;

/** The outcome of a build, for the summary line and the exit code. */
public record BuildReport(int files, int days, int rebuiltDays, long items, List<Problem> problems, long pages, long bytes,
                          long millis, telegraph.model.DuplicateCounts duplicates) {
    public BuildReport {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
