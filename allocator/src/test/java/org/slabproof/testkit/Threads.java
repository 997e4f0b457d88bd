package org.slabproof.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs bodies on fresh platform threads that start together (a barrier, not a sleep) and joins
 * them within a deadline; the first failure of any thread is rethrown in the caller. Joining is
 * what makes the threads' effects visible to the caller's assertions (thread termination
 * happens-before join). A thread still running at the deadline fails the test with its stack, so
 * a regression that hangs fails in seconds, not at the build's timeout.
 */
public final class Threads {
    /** How long a test's threads may run before the test fails: far above any healthy run. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Threads() {
    }

    /** Runs {@code body(i)} for i in 0..n-1, each on its own thread, and waits for all. */
    public static void runConcurrently(int n, IntConsumer body) {
        CyclicBarrier start = new CyclicBarrier(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().daemon().name("worker-" + i).start(() -> {
                try {
                    Await.barrier(start);
                    body.accept(id);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        joinAll(threads, DEADLINE);
        rethrow(failure.get());
    }

    /** One phase of one thread's work in {@link #runInPhases}. */
    @FunctionalInterface
    public interface PhaseBody {
        /** Runs thread {@code thread}'s part of phase {@code phase}. */
        void run(int thread, int phase);
    }

    /**
     * Runs {@code phases} phases on {@code n} threads in lockstep: every thread finishes phase k
     * before any starts phase k + 1. A thread that fails ends the run for all at once (the others
     * are released from the phase barrier rather than left waiting for its deadline), and its
     * failure is the one rethrown.
     */
    public static void runInPhases(int n, int phases, PhaseBody body) {
        Phaser lockstep = new Phaser(n);
        AtomicReference<Throwable> first = new AtomicReference<>();
        try {
            runConcurrently(n, t -> {
                try {
                    for (int p = 0; p < phases; p++) {
                        body.run(t, p);
                        awaitPhase(lockstep, p);
                    }
                } catch (RuntimeException | Error e) {
                    first.compareAndSet(null, e);
                    lockstep.forceTermination();
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            rethrow(first.get() != null ? first.get() : e);
        }
    }

    private static void awaitPhase(Phaser lockstep, int phase) {
        try {
            if (lockstep.awaitAdvanceInterruptibly(lockstep.arrive(), DEADLINE.toNanos(), TimeUnit.NANOSECONDS) < 0) {
                throw new AssertionError("stopped after phase " + phase + ": another thread failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted after phase " + phase, e);
        } catch (TimeoutException e) {
            throw new AssertionError("phase " + phase + " did not end within " + DEADLINE + " (a thread hung)", e);
        }
    }

    /** Runs {@code body} on one new thread and waits until it has terminated. */
    public static void runOnNewThread(Runnable body) {
        runConcurrently(1, i -> body.run());
    }

    /** Joins every thread, failing the test if one is still running after {@code deadline}. */
    public static void joinAll(List<Thread> threads, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread t : threads) {
            join(t, Math.max(1, end - System.nanoTime()));
        }
    }

    /** Joins {@code t}, failing the test if it is still running after {@code nanos}. */
    public static void join(Thread t, long nanos) {
        try {
            if (!t.join(Duration.ofNanos(nanos))) {
                AssertionError e = new AssertionError(t.getName() + " still running after " + Duration.ofNanos(nanos)
                        + ": a hang; its stack: " + Arrays.toString(t.getStackTrace()));
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + t.getName(), e);
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
