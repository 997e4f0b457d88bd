package org.slabproof.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs bodies on fresh platform threads that start together (a barrier, not a sleep) and joins
 * them; the first failure of any thread is rethrown in the caller. Joining is what makes the
 * threads' effects visible to the caller's assertions (thread termination happens-before join).
 */
public final class Threads {
    private Threads() {
    }

    /** Runs {@code body(i)} for i in 0..n-1, each on its own thread, and waits for all. */
    public static void runConcurrently(int n, IntConsumer body) {
        CyclicBarrier start = new CyclicBarrier(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().name("worker-" + i).start(() -> {
                try {
                    start.await();
                    body.accept(id);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        joinAll(threads);
        rethrow(failure.get());
    }

    /** Runs {@code body} on one new thread and waits until it has terminated. */
    public static void runOnNewThread(Runnable body) {
        runConcurrently(1, i -> body.run());
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
