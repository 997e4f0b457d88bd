package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.Slab;

/**
 * The remote free decrements first and pushes second. Once the decrement makes the count zero,
 * any reclaimer may release the SuperSlab, and the push that follows writes into released memory
 * (I4). Here that write throws instead of corrupting, because the memory view is closed.
 */
public final class DecBeforePublish extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.DEC_BEFORE_PUBLISH.id();
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        boolean zero = decrementToZero(slab.superSlab(), 1);   // BUG: decrement ...
        slab.remote().push(block);                              // ... before publishing
        return zero;
    }
}
