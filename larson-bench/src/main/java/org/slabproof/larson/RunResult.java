package org.slabproof.larson;

import java.util.List;
import java.util.Locale;
import org.slabproof.larson.telemetry.Sample;

/**
 * What one run of a workload measured; this is also what {@code --json} writes and a comparison
 * reads back from each child JVM.
 *
 * @param workload which benchmark ran
 * @param allocator the peer id
 * @param variant the known-bad variant id, or null
 * @param description what exactly was measured
 * @param arguments the workload's arguments as a command line (Larson: the seven positional ones)
 * @param status how the run ended
 * @param error the failure's message, or null
 * @param elapsedSeconds the timed part: Larson from the workers' start to the end of the last one;
 *     xmalloc from the threads' start until every produced block was freed (an idle phase is not timed)
 * @param mallocs worker mallocs (Larson's warmup is not counted, as in C)
 * @param frees worker frees
 * @param threadsSpawned worker threads that ran, successors included
 * @param rssPeakBytes the process's peak resident set ({@code VmHWM}), -1 when unknown
 * @param atEnd the allocator's counters once the workers had ended, null for peers without SuperSlabs
 * @param afterCleanup the same after every remaining block was freed, null for peers without SuperSlabs
 * @param samples telemetry taken during the run
 * @param idleStartedSeconds when xmalloc's producers went idle (seconds since the start), NaN if they did not
 * @param brokenInvariants the invariants the run's failure or the check after cleanup found broken
 *     ({@code "I1,I6"}), null when none
 */
public record RunResult(Workload workload, String allocator, String variant, String description, String arguments,
        RunStatus status, String error, double elapsedSeconds, long mallocs, long frees, long threadsSpawned,
        long rssPeakBytes, SuperSlabFigures atEnd, SuperSlabFigures afterCleanup, List<Sample> samples,
        double idleStartedSeconds, String brokenInvariants) {

    /** Copies the samples so the result is immutable. */
    public RunResult {
        samples = List.copyOf(samples);
    }

    /** A result with no broken invariant found. */
    public RunResult(Workload workload, String allocator, String variant, String description, String arguments,
            RunStatus status, String error, double elapsedSeconds, long mallocs, long frees, long threadsSpawned,
            long rssPeakBytes, SuperSlabFigures atEnd, SuperSlabFigures afterCleanup, List<Sample> samples,
            double idleStartedSeconds) {
        this(workload, allocator, variant, description, arguments, status, error, elapsedSeconds, mallocs, frees,
                threadsSpawned, rssPeakBytes, atEnd, afterCleanup, samples, idleStartedSeconds, null);
    }

    /**
     * The workload's own throughput: Larson's worker mallocs per second (larson.cpp), or xmalloc's
     * frees per second (xmalloc-test.c counts the consumers' frees).
     */
    public double throughput() {
        long ops = workload == Workload.XMALLOC ? frees : mallocs;
        return elapsedSeconds > 0 ? ops / elapsedSeconds : 0;
    }

    /** larson.cpp's "relative time": {@code 1e9 / throughput}. */
    public double relativeTime() {
        double t = throughput();
        return t > 0 ? 1.0e9 / t : Double.POSITIVE_INFINITY;
    }

    /** The allocator id with its variant, e.g. {@code slabproof@seed-missing-remote-dec}. */
    public String label() {
        return variant == null ? allocator : allocator + "@" + variant;
    }

    /** Whether xmalloc's producers had an idle phase in this run. */
    public boolean hadIdlePhase() {
        return !Double.isNaN(idleStartedSeconds);
    }

    /**
     * The exact line the C benchmark prints, so existing parsers work: larson.cpp's
     * {@code Throughput = ...}, or xmalloc-test.c's {@code rtime: ..., free/sec: ... M}.
     */
    public String throughputLine() {
        if (workload == Workload.XMALLOC) {
            double mfreePerSec = throughput() * 1e-6;
            return String.format(Locale.ROOT, "rtime: %.3f, free/sec: %.3f M", 100.0 / mfreePerSec, mfreePerSec);
        }
        return String.format(Locale.ROOT, "Throughput = %8.0f operations per second, relative time: %.3fs.",
                throughput(), relativeTime());
    }

    /**
     * The memory line: {@code superslabs: allocated=A freed=F live=L peak=P mapped_peak_bytes=B rss_peak_bytes=R}
     * for the reference allocator; peers without SuperSlabs report their RSS only and say so.
     */
    public String memoryLine() {
        if (atEnd == null) {
            return "memory: rss_peak_bytes=" + rssPeakBytes + " (" + allocator + " has no SuperSlabs)";
        }
        return "superslabs: allocated=" + atEnd.allocated() + " freed=" + atEnd.freed() + " live=" + atEnd.live()
                + " peak=" + atEnd.peak() + " mapped_peak_bytes=" + atEnd.mappedBytesPeak()
                + " rss_peak_bytes=" + rssPeakBytes;
    }
}
