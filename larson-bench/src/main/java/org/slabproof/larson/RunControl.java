package org.slabproof.larson;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Larson's stop flag, plus the first failure of any worker: a failure raises the flag too, so
 * that a run whose allocator gave out ends at once instead of sleeping out its time.
 */
final class RunControl {
    // volatile is what C's std::atomic<int> stopflag is: a plain load on x86, ordered with the store.
    private volatile boolean stopped;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch failed = new CountDownLatch(1);

    boolean isStopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    /** Records {@code t} if it is the first failure, and stops the run. */
    void fail(Throwable t) {
        failure.compareAndSet(null, t);
        stopped = true;
        failed.countDown();
    }

    /** The first failure, or null. */
    Throwable failure() {
        return failure.get();
    }

    /** Waits up to {@code nanos} for a failure; true when one happened. */
    boolean awaitFailure(long nanos) throws InterruptedException {
        return failed.await(nanos, TimeUnit.NANOSECONDS);
    }
}
