package org.slabproof.trim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slabproof.AccountingPolicy;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.Await;
import org.slabproof.testkit.TinyWorld;

/**
 * The periodic trimmer's thread: it runs passes on its own, and {@link Trimmer#close()} returns
 * only once the thread is gone (a pass may be releasing memory), keeping the caller's interrupt
 * status as it found it, whether or not the caller was interrupted.
 */
class TrimmerThreadTest {
    /** Starts a trimmer thread named {@code name} over a tiny world and waits for its first pass. */
    private static Trimmer started(String name) {
        HeapEnvironment env = new TinyWorld(FreeProtocol.of(AccountingPolicy.DECREMENT_AT_DRAIN)).environment();
        Trimmer trimmer = new Trimmer(env.protocol(), env.pool(), env.heaps(), env.counters(), Duration.ofMillis(1),
                Duration.ZERO, name);
        Await.until(() -> env.counters().trims.sum() > 0, "the trimmer thread's first pass",
                () -> "no pass yet");
        return trimmer;
    }

    private static boolean running(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
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
