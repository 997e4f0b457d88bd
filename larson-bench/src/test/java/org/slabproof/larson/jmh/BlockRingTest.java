package org.slabproof.larson.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The benchmark's hand-over ring: FIFO, bounded, 0 when empty. */
class BlockRingTest {

    @Test
    void fifoUpToCapacityAcrossWrapAround() {
        BlockRing ring = new BlockRing(4);
        assertEquals(0, ring.poll());
        for (int round = 0; round < 3; round++) {
            for (long v = 1; v <= 4; v++) {
                assertFalse(ring.isFull());
                assertTrue(ring.offer(100 * round + v));
            }
            assertTrue(ring.isFull());
            assertFalse(ring.offer(999));
            for (long v = 1; v <= 4; v++) {
                assertEquals(100 * round + v, ring.poll());
            }
            assertEquals(0, ring.poll());
        }
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new BlockRing(3));
    }

    @Test
    void everyBlockCrossesBetweenTwoThreadsOnceInOrder() throws InterruptedException {
        BlockRing ring = new BlockRing(8);
        int n = 100_000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Thread producer = Thread.ofPlatform().start(() -> {
            for (long v = 1; v <= n && System.nanoTime() < deadline; ) {
                if (ring.offer(v)) {
                    v++;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        long expected = 1;
        while (expected <= n) {
            long v = ring.poll();
            if (v == 0) {
                if (System.nanoTime() > deadline) {
                    fail("the ring handed over " + (expected - 1) + " of " + n + " words in 30 s: one was lost");
                }
                Thread.onSpinWait();
                continue;
            }
            assertEquals(expected++, v);
        }
        producer.join(Duration.ofSeconds(30));
        assertFalse(producer.isAlive(), "the producer did not finish");
        assertEquals(0, ring.poll());
    }
}
