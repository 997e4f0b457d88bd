package org.slabproof.heap;

import java.util.concurrent.atomic.AtomicLong;

import org.slabproof.pool.SuperSlabPool;
import org.slabproof.stats.Counters;
import org.slabproof.superslab.FreeProtocol;

/**
 * What every heap of one allocator shares.
 *
 * @param protocol          the accounting protocol (or a known-bad variant)
 * @param pool              where SuperSlabs come from, go back to, and wait for adopters
 * @param heaps             all open heaps, for reaping dead threads' heaps
 * @param counters          allocator-wide counters
 * @param adoptionAttempts  abandoned SuperSlabs one slow path may examine before mapping a new one
 * @param heapIds           source of heap ids (the owner part of a SuperSlab's state); starts at 0
 */
public record HeapEnvironment(FreeProtocol protocol, SuperSlabPool pool, HeapRegistry heaps, Counters counters,
        int adoptionAttempts, AtomicLong heapIds) {

    /** An environment with a fresh heap registry and id sequence. */
    public HeapEnvironment(FreeProtocol protocol, SuperSlabPool pool, Counters counters, int adoptionAttempts) {
        this(protocol, pool, new HeapRegistry(), counters, adoptionAttempts, new AtomicLong());
    }
}
