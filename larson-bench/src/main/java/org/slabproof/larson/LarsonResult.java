package org.slabproof.larson;

import java.util.List;
import java.util.Locale;
import org.slabproof.larson.telemetry.Sample;

/**
 * What one Larson run measured; this is also what {@code --json} writes and a comparison reads
 * back from each child JVM.
 *
 * @param allocator the peer id
 * @param variant the known-bad variant id, or null
 * @param description what exactly was measured
 * @param arguments the seven positional arguments as given
 * @param status how the run ended
 * @param error the failure's message, or null
 * @param elapsedSeconds from the workers' start to the end of the last one
 * @param mallocs worker mallocs (the warmup's are not counted, as in C)
 * @param frees worker frees
 * @param threadsSpawned worker threads that ran, successors included
 * @param rssPeakBytes the process's peak resident set ({@code VmHWM}), -1 when unknown
 * @param atEnd the allocator's counters once the workers had ended, null for peers without SuperSlabs
 * @param afterCleanup the same after every remaining block was freed, null for peers without SuperSlabs
 * @param samples telemetry taken during the run
 */
public record LarsonResult(String allocator, String variant, String description, String arguments, RunStatus status,
        String error, double elapsedSeconds, long mallocs, long frees, long threadsSpawned, long rssPeakBytes,
        SuperSlabFigures atEnd, SuperSlabFigures afterCleanup, List<Sample> samples) {

    /** Copies the samples so the result is immutable. */
    public LarsonResult {
        samples = List.copyOf(samples);
    }

    /** Worker mallocs per second of elapsed time, larson.cpp's throughput. */
    public double throughput() {
        return elapsedSeconds > 0 ? mallocs / elapsedSeconds : 0;
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

    /** The exact line larson.cpp prints, so existing parsers work. */
    public String throughputLine() {
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
