package org.slabproof.larson.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.telemetry.Sample;

/**
 * The soak's verdict: for each run, its memory in the steady state (the median over the samples
 * of the run's second half) beside its peak, and the allocator's own share separated from the
 * JVM's: the bytes the allocator mapped, and the RSS above that of the no-op allocator's run, which
 * is the same JVM doing the same work without allocating.
 */
public final class SoakReport {
    /** The entry whose RSS is the JVM's baseline. */
    public static final String BASELINE = "noop";
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * One run's memory.
     *
     * @param label the entry
     * @param status how it ended
     * @param allocatedAtHalf SuperSlabs mapped by the middle of the run, -1 for peers without SuperSlabs
     * @param allocatedAtEnd SuperSlabs mapped by its end, -1 for peers without SuperSlabs
     * @param freedAtHalf SuperSlabs released by the middle of the run, -1 for peers without SuperSlabs
     * @param freedAtEnd SuperSlabs released by its end, -1 for peers without SuperSlabs
     * @param liveSteady SuperSlabs live in the steady state, -1 for peers without SuperSlabs
     * @param mappedSteadyBytes bytes the allocator mapped in the steady state, -1 for peers without SuperSlabs
     * @param mappedPeakBytes the most bytes it mapped, -1 for peers without SuperSlabs
     * @param rssSteadyBytes the process's RSS in the steady state
     * @param rssPeakBytes the process's peak RSS
     * @param rssAboveBaselineBytes steady RSS minus the baseline run's steady RSS, or {@code Long.MIN_VALUE} without a baseline
     */
    public record Row(String label, RunStatus status, long allocatedAtHalf, long allocatedAtEnd, long freedAtHalf,
            long freedAtEnd, long liveSteady,
            long mappedSteadyBytes, long mappedPeakBytes, long rssSteadyBytes, long rssPeakBytes,
            long rssAboveBaselineBytes) {
    }

    private SoakReport() {
    }

    /** A row per run, in order; the baseline is the first run of {@link #BASELINE}. */
    public static List<Row> rows(List<RunResult> runs) {
        long baseline = runs.stream().filter(r -> r.allocator().equals(BASELINE)).findFirst()
                .map(r -> steady(r, Sample::rssBytes)).orElse(Long.MIN_VALUE);
        List<Row> rows = new ArrayList<>();
        for (RunResult r : runs) {
            boolean ss = r.atEnd() != null;
            long rss = steady(r, Sample::rssBytes);
            rows.add(new Row(r.label(), r.status(), ss ? atHalf(r, Sample::superSlabsAllocated) : -1,
                    ss ? r.atEnd().allocated() : -1, ss ? atHalf(r, Sample::superSlabsFreed) : -1,
                    ss ? r.atEnd().freed() : -1, ss ? steady(r, Sample::superSlabsLive) : -1,
                    ss ? steady(r, Sample::mappedBytes) : -1, ss ? r.atEnd().mappedBytesPeak() : -1, rss,
                    r.rssPeakBytes(), baseline == Long.MIN_VALUE || rss < 0 ? Long.MIN_VALUE : rss - baseline));
        }
        return rows;
    }

    /** The table and one verdict line per run of the reference allocator, as the soak prints them. */
    public static String format(List<RunResult> runs) {
        List<Row> rows = rows(runs);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%nsoak: steady state = median of the samples in each run's second half; baseline = %s's RSS%n",
                BASELINE));
        sb.append(String.format(Locale.ROOT, "%-36s %-8s %18s %9s %22s %20s %16s%n", "allocator", "status",
                "ss freed half..end", "ss live", "mapped MiB steady/peak", "rss MiB steady/peak", "rss-baseline MiB"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-36s %-8s %18s %9s %22s %20s %16s%n", r.label(), r.status().id(),
                    r.freedAtEnd() < 0 ? "n/a" : r.freedAtHalf() + ".." + r.freedAtEnd(),
                    r.liveSteady() < 0 ? "n/a" : Long.toString(r.liveSteady()),
                    r.mappedSteadyBytes() < 0 ? "n/a" : mib(r.mappedSteadyBytes()) + "/" + mib(r.mappedPeakBytes()),
                    mib(r.rssSteadyBytes()) + "/" + mib(r.rssPeakBytes()),
                    r.rssAboveBaselineBytes() == Long.MIN_VALUE ? "n/a" : mib(r.rssAboveBaselineBytes())));
        }
        for (Row r : rows) {
            if (r.freedAtEnd() >= 0) {
                // The seed's leak shows as SuperSlabs mapped in the second half with none freed; a
                // healthy run either frees as many as it maps or maps none at all.
                long mapped = r.allocatedAtEnd() - r.allocatedAtHalf();
                long freed = r.freedAtEnd() - r.freedAtHalf();
                sb.append(String.format(Locale.ROOT,
                        "%s: ran to the end without running out of memory: %s; second half: SuperSlabs mapped +%d, "
                                + "freed +%d, so live did %s; allocator's own memory (mapped, steady) %s MiB, %s 100 MB%n",
                        r.label(), r.status() == RunStatus.OK ? "yes" : "no (" + r.status().id() + ")", mapped, freed,
                        mapped > freed ? "GROW" : "not grow", mib(r.mappedSteadyBytes()),
                        r.mappedSteadyBytes() < 100_000_000L ? "under" : "NOT under"));
            }
        }
        return sb.toString();
    }

    /** The median of a quantity over the samples of the second half of the run, -1 if none has it. */
    static long steady(RunResult r, ToLongFunction<Sample> quantity) {
        double half = lastSeconds(r) / 2;
        long[] v = r.samples().stream().filter(s -> s.seconds() >= half).mapToLong(quantity)
                .filter(x -> x >= 0).sorted().toArray();
        return v.length == 0 ? -1 : v[(v.length - 1) / 2];
    }

    /** The quantity at the last sample of the run's first half, -1 if none has it. */
    static long atHalf(RunResult r, ToLongFunction<Sample> quantity) {
        double half = lastSeconds(r) / 2;
        long at = -1;
        for (Sample s : r.samples()) {
            if (s.seconds() <= half) {
                at = quantity.applyAsLong(s);
            }
        }
        return at;
    }

    private static double lastSeconds(RunResult r) {
        return r.samples().isEmpty() ? 0 : r.samples().get(r.samples().size() - 1).seconds();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }
}
