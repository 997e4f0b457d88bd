package org.slabproof.testkit;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Every wait of the tests, each with a deadline that fails the test and says what it was waiting
 * for. A liveness property (the trimmer releases a SuperSlab with nobody calling it) is waited for
 * by polling with {@link #until}; that is not synchronization, only an observation with a bound.
 */
public final class Await {
    /** The default bound: far above any healthy wait on a loaded 2-core machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Await() {
    }

    /**
     * Waits until {@code condition} holds, polling every millisecond, at most {@code deadline}.
     * Fails with {@code what} and the last {@code state} when it does not; an interrupt (JUnit's
     * timeout) fails it at once.
     */
    public static void until(BooleanSupplier condition, Duration deadline, String what, Supplier<String> state) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("waited " + deadline + " for " + what + "; last seen: " + state.get());
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what + "; last seen: " + state.get());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** {@link #until(BooleanSupplier, Duration, String, Supplier)} with the default deadline. */
    public static void until(BooleanSupplier condition, String what, Supplier<String> state) {
        until(condition, DEADLINE, what, state);
    }

    /** Awaits a latch within the default deadline, failing with {@code what}. */
    public static void latch(CountDownLatch latch, String what) {
        try {
            if (!latch.await(DEADLINE.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("waited " + DEADLINE + " for " + what + " (" + latch.getCount() + " to go)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /** Awaits a barrier within the default deadline. */
    public static void barrier(CyclicBarrier barrier) {
        try {
            barrier.await(DEADLINE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted at a barrier", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("a barrier did not trip within " + DEADLINE + " (a party failed or hung)", e);
        }
    }
}
