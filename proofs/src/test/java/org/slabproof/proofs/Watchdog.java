package org.slabproof.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.slabproof.testkit.cells.Cells;

/**
 * The time budget of one exploration ({@link ProofConfig#cellSeconds()}). A daemon thread watches
 * the exploration in progress; when its budget is used up it marks it {@linkplain #overran()
 * overran}, so that the harness stops after the current interleaving and reports the cell as not
 * proven, and it stops vmlens's planning ({@link VmlensPlanner}), because vmlens may be inside one
 * {@code hasNext()} that would not return for hours. If the exploration still has not ended a
 * minute later, the watchdog writes the results so far and the reason to
 * {@code target/proofs/timed-out.txt} and ends the test JVM with status 2: the build fails, naming
 * the cell, instead of hanging until the fork timeout.
 */
final class Watchdog {
    private static final long GRACE_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** The exploration under watch (cell null for the engine check). */
    private record Watched(String name, Cells cell, String protocol, long startNanos, long deadlineNanos,
            AtomicBoolean overran) {
    }

    private static volatile Watched current;         // written by the test thread, read by the watchdog
    private static Thread thread;                    // started once, outside every exploration

    private Watchdog() {
    }

    /**
     * Starts the watchdog (once per JVM). It must start outside every exploration, so that vmlens
     * does not count it among a run's threads, and it runs hidden from vmlens.
     */
    static synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("proofs-watchdog").start(() -> Quiescent.hidden(() -> {
                watch();
                return null;
            }));
        }
    }

    /**
     * Watches the exploration {@code name} of {@code cell} (null: not a cell of the tables) under
     * {@code protocol}, which started at {@code startNanos} and has {@code budgetNanos}.
     */
    static void watch(String name, Cells cell, String protocol, long startNanos, long budgetNanos) {
        current = new Watched(name, cell, protocol, startNanos, startNanos + budgetNanos, new AtomicBoolean());
    }

    /**
     * True once the exploration under watch has used up its budget: it proves nothing. The test
     * thread asks between interleavings, hidden from vmlens, which would otherwise count these
     * reads among the steps of a run.
     */
    static boolean overran() {
        return Quiescent.hidden(() -> {
            Watched w = current;
            return w != null && w.overran().get();
        });
    }

    /** The exploration under watch ended. */
    static void clear() {
        current = null;
    }

    private static void watch() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            Watched w = current;
            long now = System.nanoTime();
            if (w == null || now - w.deadlineNanos() < 0) {
                continue;
            }
            if (w.overran().compareAndSet(false, true)) {
                System.out.println(w.name() + ": time budget of " + ProofConfig.cellSeconds() + " s used up; stopping"
                        + (VmlensPlanner.stop() ? " vmlens's planning" : " (vmlens's planning could not be stopped)"));
            } else if (now - w.deadlineNanos() - GRACE_NANOS > 0) {
                end(w, now);
            }
        }
    }

    private static void end(Watched w, long now) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - w.startNanos());
        String message = w.name() + ": still inside one vmlens step after " + seconds + " s, past its budget of "
                + ProofConfig.cellSeconds() + " s and a minute's grace; vmlens cannot finish this exploration (too many"
                + " pairs of dependent atomic steps), so the test JVM ends here and the build fails";
        System.err.println("\n" + message + "\n");
        System.err.flush();
        try {
            if (w.cell() != null) {
                ProofLog.add(new ProofRow(w.cell().id(), w.cell().races(), w.protocol(), 0, ProofConfig.maxIterations(),
                        Verdict.TIMED_OUT, null, message, seconds * 1000));
            }
            ProofLog.flush();
            Files.writeString(ProofLog.resultsFile(ProofConfig.outputDirectory()).resolveSibling("timed-out.txt"),
                    message + "\n");
        } catch (IOException | RuntimeException e) {
            System.err.println("could not write the results: " + e);
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));    // let the console catch up before the halt
        Runtime.getRuntime().halt(2);
    }
}
