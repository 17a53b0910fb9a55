package telegraph.site;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time spent per build stage, summed over the worker threads: the figure to compare with a
 * single-threaded tool (wall time on several cores hides where the work goes). Measured with the
 * JVM's per-thread CPU clocks, split into user time and system time (the kernel's share, mostly
 * file writing); where the JVM has no such clock, all of it counts as user time, in wall time.
 */
public final class StageTimes {

    /** CPU time of one stage. */
    public record Cpu(long userMillis, long systemMillis) {
        public long totalMillis() {
            return userMillis + systemMillis;
        }
    }

    /** A piece of work that may throw. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    private final Map<String, LongAdder[]> nanos = new ConcurrentHashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();

    /** A piece of work that returns a value and may throw. */
    @FunctionalInterface
    public interface Task<T, E extends Exception> {
        T call() throws E;
    }

    /** Runs the work on this thread and adds its CPU time to the stage. */
    public <E extends Exception> void time(String stage, Work<E> work) throws E {
        timeValue(stage, () -> {
            work.run();
            return null;
        });
    }

    /** Like {@link #time}, for work that returns a value. */
    public <T, E extends Exception> T timeValue(String stage, Task<T, E> task) throws E {
        long total = total();
        long user = user();
        try {
            return task.call();
        } finally {
            add(stage, total, user);
        }
    }

    private void add(String stage, long totalBefore, long userBefore) {
        long totalSpent = total() - totalBefore;
        // the two clocks tick at different rates: keep user time within the total
        long userSpent = Math.min(user() - userBefore, totalSpent);
        LongAdder[] adders = nanos.computeIfAbsent(stage, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
        adders[0].add(userSpent);
        adders[1].add(totalSpent - userSpent);
    }

    private long total() {
        return cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private long user() {
        return cpuClock ? threads.getCurrentThreadUserTime() : System.nanoTime();
    }

    /** CPU time per stage, the costliest first. */
    public Map<String, Cpu> cpu() {
        Map<String, Cpu> out = new LinkedHashMap<>();
        nanos.forEach((stage, n) -> out.put(stage, new Cpu(n[0].sum() / 1_000_000, n[1].sum() / 1_000_000)));
        Map<String, Cpu> sorted = new LinkedHashMap<>();
        out.entrySet().stream()
                .sorted(Map.Entry.<String, Cpu>comparingByValue(Comparator.comparingLong(Cpu::totalMillis)).reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
