package org.slabproof.heap;

import org.slabproof.pool.SuperSlabPool;
import org.slabproof.stats.Counters;
import org.slabproof.superslab.FreeProtocol;

/**
 * What every heap of one allocator shares.
 *
 * @param protocol          the accounting protocol (or a known-bad variant)
 * @param pool              where SuperSlabs come from and go back to
 * @param abandoned         SuperSlabs waiting for an adopter or the trimmer
 * @param heaps             all heaps, for reaping dead threads' heaps
 * @param counters          allocator-wide counters
 * @param adoptionAttempts  abandoned SuperSlabs one slow path may examine before mapping a new one
 */
public record HeapEnvironment(FreeProtocol protocol, SuperSlabPool pool, AbandonedSuperSlabs abandoned,
        HeapRegistry heaps, Counters counters, int adoptionAttempts) {
}
