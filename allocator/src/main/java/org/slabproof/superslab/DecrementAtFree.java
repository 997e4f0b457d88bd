package org.slabproof.superslab;

import org.slabproof.AccountingPolicy;

/**
 * Decrement-at-free (the seed's Option A): a remote free publishes the block on the remote stack,
 * then decrements, and touches the SuperSlab's memory no more (I4); the drain only moves blocks.
 */
public class DecrementAtFree extends FreeProtocol {
    /** Creates the correct protocol (variants subclass it). */
    public DecrementAtFree() {
    }

    @Override
    public AccountingPolicy policy() {
        return AccountingPolicy.DECREMENT_AT_FREE;
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        slab.remote().push(block);                          // publish first ...
        return decrementToZero(slab.superSlab(), 1);        // ... then the last touch (I4)
    }

    @Override
    public int drain(Slab slab) {
        return slab.drainRemote();                          // already accounted at free time
    }
}
