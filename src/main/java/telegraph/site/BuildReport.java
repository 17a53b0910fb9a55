package telegraph.site;

import telegraph.output.OutputPart;
import telegraph.output.OutputWriter;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import telegraph.model.Problem;

/**
 * The outcome of a build, for the summary line and the exit code.
 *
 * @param files   day files read (skipped ones not counted)
 * @param skipped report names of the files that are not day files, sorted
 * @param changedFiles input files added, removed or with other bytes than at the last build
 * @param rebuilt  the days whose pages were rendered, in date order
 * @param cpu     CPU time per stage (summed over threads), the costliest first
 * @param written files and bytes written per part of the output; parts with nothing written left out
 */
public record BuildReport(int files, List<String> skipped, int changedFiles, int days, List<LocalDate> rebuilt, long items, List<Problem> problems, long pages, long bytes,
                          long millis, telegraph.model.DuplicateCounts duplicates, Map<String, StageTimes.Cpu> cpu,
                          Map<OutputPart, OutputWriter.Written> written) {
    public BuildReport {
        skipped = List.copyOf(skipped);
        rebuilt = List.copyOf(rebuilt);
        problems = List.copyOf(problems);
        cpu = Collections.unmodifiableMap(new LinkedHashMap<>(cpu));
        written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    public int rebuiltDays() {
        return rebuilt.size();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
