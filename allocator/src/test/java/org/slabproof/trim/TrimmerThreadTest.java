package org.slabproof.trim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.slabproof.AccountingPolicy;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.superslab.DecrementAtDrain;
import org.slabproof.testkit.Await;
import org.slabproof.testkit.Threads;
import org.slabproof.testkit.TinyWorld;

/**
 * The periodic trimmer's thread: it waits out its interval between passes, runs them on its own,
 * and {@link Trimmer#close()} returns only once the thread is gone, a pass in flight included (it
 * may be releasing memory that the allocator unmaps next), keeping the caller's interrupt status
 * as it found it, interrupted or not.
 */
class TrimmerThreadTest {
    private static HeapEnvironment environment() {
        return TinyWorld.of(AccountingPolicy.DECREMENT_AT_DRAIN).environment();
    }

    private static Trimmer trimmer(HeapEnvironment env, Duration interval, String name) {
        return new Trimmer(env.protocol(), env.pool(), env.heaps(), env.counters(), interval, Duration.ZERO, name);
    }

    /** Starts a trimmer thread named {@code name} over a tiny world and waits for its first pass. */
    private static Trimmer started(String name) {
        HeapEnvironment env = environment();
        Trimmer trimmer = trimmer(env, Duration.ofMillis(1), name);
        Await.until(() -> env.counters().trims.sum() > 0, "the trimmer thread's first pass", () -> "no pass yet");
        return trimmer;
    }

    private static Optional<Thread> thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst();
    }

    private static boolean running(String name) {
        return thread(name).filter(Thread::isAlive).isPresent();
    }

    @Test
    void theThreadWaitsOutItsIntervalBeforeAPass() {
        HeapEnvironment env = environment();
        String name = "trimmer-hourly-" + System.nanoTime();
        Trimmer hourly = trimmer(env, Duration.ofHours(1), name);
        try {
            Await.until(() -> thread(name).map(t -> t.getState() == Thread.State.TIMED_WAITING).orElse(false),
                    "the trimmer thread to wait for its interval", () -> String.valueOf(thread(name).map(Thread::getState)));
            assertEquals(0, env.counters().trims.sum(), "a pass ran before the interval was up");
        } finally {
            hourly.close();
        }
    }

    /** Decrement-at-drain whose reaper test holds the trimmer's pass until the test lets it go. */
    private static final class HeldPass extends DecrementAtDrain {
        final CountDownLatch inPass = new CountDownLatch(1);
        final CountDownLatch finish = new CountDownLatch(1);

        @Override
        public boolean ownerGone(Thread owner) {
            inPass.countDown();
            Await.latch(finish, "the test to let the trimmer's pass finish");
            return super.ownerGone(owner);
        }
    }

    @Test
    void closeWaitsForAPassInFlight() {
        HeldPass protocol = new HeldPass();
        TinyWorld w = new TinyWorld(protocol);
        w.heap();                                                        // a heap for the pass's reaper to look at
        String name = "trimmer-held-" + System.nanoTime();
        Trimmer trimmer = trimmer(w.environment(), Duration.ofMillis(1), name);
        Await.latch(protocol.inPass, "the trimmer's first pass");
        Thread closer = Thread.ofPlatform().daemon().name("closer").start(trimmer::close);
        Await.until(() -> closer.getState() == Thread.State.WAITING || !closer.isAlive(),
                "close to wait for the pass (or return)", () -> String.valueOf(closer.getState()));
        assertTrue(closer.isAlive(), "close returned while a pass was still running");
        protocol.finish.countDown();
        Threads.join(closer, Threads.DEADLINE.toNanos());
        assertFalse(running(name));
    }

    @Test
    void closeWaitsForTheThreadAndLeavesTheCallerUninterrupted() {
        String name = "trimmer-close-" + System.nanoTime();
        started(name).close();
        assertFalse(running(name), "close returned while its thread was still running");
        assertFalse(Thread.interrupted(), "close interrupted its caller");
    }

    @Test
    void closeKeepsTheCallersInterrupt() {
        String name = "trimmer-interrupted-" + System.nanoTime();
        Trimmer trimmer = started(name);
        Thread.currentThread().interrupt();
        trimmer.close();
        assertTrue(Thread.interrupted(), "close swallowed its caller's interrupt");
        assertFalse(running(name), "close returned while its thread was still running");
    }
}
