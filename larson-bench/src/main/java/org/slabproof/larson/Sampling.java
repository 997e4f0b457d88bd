package org.slabproof.larson;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slabproof.larson.telemetry.ProgressLine;
import org.slabproof.larson.telemetry.Sample;
import org.slabproof.larson.telemetry.TelemetryRecorder;

/** The main thread's wait while a workload runs: a sample every 100 ms, a progress line every second. */
final class Sampling {
    static final long SAMPLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int SAMPLES_PER_PROGRESS_LINE = 10;

    private Sampling() {
    }

    /**
     * Samples until {@code deadline} (a {@link System#nanoTime()} value) or until a worker fails,
     * whichever comes first.
     *
     * @param start the run's time origin
     * @param name what the progress lines say is running
     * @param progress where the progress lines go, or null for none
     */
    static void waitAndSample(RunControl control, TelemetryRecorder telemetry, long start, long deadline,
            String name, PrintStream progress) throws InterruptedException {
        waitAndSample(control, telemetry, start, deadline, name, progress, () -> false);
    }

    /** As above, and also ends as soon as {@code done} says so (checked after each sample). */
    static void waitAndSample(RunControl control, TelemetryRecorder telemetry, long start, long deadline,
            String name, PrintStream progress, BooleanSupplier done) throws InterruptedException {
        // Sample numbers count from the start, so that a wait that begins mid-run (an idle phase)
        // still prints its progress lines on whole seconds of the run.
        long taken = Math.max(0, (System.nanoTime() - start) / SAMPLE_INTERVAL_NANOS);
        long nextSample = start + (taken + 1) * SAMPLE_INTERVAL_NANOS;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return;
            }
            if (control.awaitFailure(Math.min(nextSample, deadline) - now)) {
                return;
            }
            if (System.nanoTime() >= nextSample) {
                Sample s = telemetry.sample((System.nanoTime() - start) / 1e9);
                nextSample += SAMPLE_INTERVAL_NANOS;
                if (++taken % SAMPLES_PER_PROGRESS_LINE == 0 && progress != null) {
                    progress.println(ProgressLine.format(name, s));
                }
                if (done.getAsBoolean()) {
                    return;
                }
            }
        }
    }
}
