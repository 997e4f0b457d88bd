package org.slabproof.larson;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a piece of a test on another thread and waits for it, with a deadline that fails the test. */
public final class OtherThread {
    /** Far longer than any of these pieces needs; reaching it means the piece hung. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private OtherThread() {
    }

    /** Runs {@code body} on a new thread, waits for it, and returns what it threw (null if nothing). */
    public static Throwable run(ThrowingRunnable body) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("test-other-thread").start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.join(DEADLINE);
        assertFalse(t.isAlive(), "the other thread did not finish within " + DEADLINE);
        return thrown.get();
    }

    /** A body that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        /** Runs the body. */
        void run() throws Exception;
    }
}
