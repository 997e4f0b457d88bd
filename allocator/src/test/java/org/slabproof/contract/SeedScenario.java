package org.slabproof.contract;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.slabproof.Allocator;
import org.slabproof.testkit.Await;
import org.slabproof.testkit.Threads;

/**
 * The seed's failure in miniature (Larson's hand-over, made deterministic): generation k
 * allocates 1,024 blocks and starts generation k+1, which frees all of them while generation k
 * is still alive (so every free is remote), waits for k to exit, then allocates its own. Under
 * {@code seed-missing-remote-dec} the dead generations' SuperSlabs keep an inflated count, are
 * never adopted or released, and pile up until the mapped-memory cap fires.
 */
public final class SeedScenario {
    static final int BLOCKS = 1024;
    static final int SIZE = 64;

    private final Allocator allocator;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<Thread> last = new AtomicReference<>();   // set before done counts down
    private final CountDownLatch done = new CountDownLatch(1);

    private SeedScenario(Allocator allocator) {
        this.allocator = allocator;
    }

    /** Runs {@code generations} generations and joins the last; rethrows the first failure. */
    public static void run(Allocator allocator, int generations) {
        SeedScenario scenario = new SeedScenario(allocator);
        Thread.ofPlatform().daemon().start(() -> scenario.generation(null, null, null, generations));
        Await.latch(scenario.done, "the last of " + generations + " generations");
        Threads.join(scenario.last.get(), Threads.DEADLINE.toNanos());   // dead, so the reaper may take its heap
        Throwable t = scenario.failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void generation(Thread predecessor, long[] inherited, CountDownLatch predecessorMayExit, int remaining) {
        try {
            if (inherited != null) {
                for (long block : inherited) {
                    allocator.free(block);          // remote: the owner is alive, waiting below
                }
                predecessorMayExit.countDown();
                Threads.join(predecessor, Threads.DEADLINE.toNanos());   // now it is dead: the next slow path reaps its heap
            }
            long[] mine = new long[BLOCKS];
            for (int i = 0; i < BLOCKS; i++) {
                mine[i] = allocator.malloc(SIZE);
            }
            if (remaining == 0) {
                for (long block : mine) {
                    allocator.free(block);
                }
                finish();
                return;
            }
            CountDownLatch mayExit = new CountDownLatch(1);
            Thread self = Thread.currentThread();
            Thread.ofPlatform().daemon().start(() -> generation(self, mine, mayExit, remaining - 1));
            Await.latch(mayExit, "the successor to free our blocks");   // stay alive until then
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            finish();
        }
    }

    private void finish() {
        last.set(Thread.currentThread());
        done.countDown();
    }
}
