package org.slabproof.heap;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.superslab.SuperSlab;

/**
 * SuperSlabs whose owner is gone and which were not empty when abandoned: adopters and the
 * trimmer take them from here (I6). Entries may be stale (adopted or released meanwhile); every
 * taker claims by CAS before touching one, and drops it if the claim fails.
 */
public final class AbandonedSuperSlabs {
    private final ConcurrentLinkedQueue<SuperSlab> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();   // approximate: lags by in-flight calls

    /** Adds an abandoned SuperSlab (any thread). */
    public void offer(SuperSlab ss) {
        queue.offer(ss);
        size.incrementAndGet();
    }

    /** Takes the oldest entry, or null (any thread). */
    public SuperSlab poll() {
        SuperSlab ss = queue.poll();
        if (ss != null) {
            size.decrementAndGet();
        }
        return ss;
    }

    /** Approximate number of entries. */
    public int size() {
        return Math.max(0, size.get());
    }
}
