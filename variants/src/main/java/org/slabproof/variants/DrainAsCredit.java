package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.Slab;

/**
 * The drain of decrement-at-free's owner-side bookkeeping gone wrong: the credit limit is not
 * lowered by the blocks a drain moves, so they become credit, though their remote frees already
 * took them off the count. The count falls below the live blocks plus credit (I1); the owner then
 * spends and returns credit that was never counted, and the count goes below zero or reaches it
 * while blocks are live.
 */
public final class DrainAsCredit extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.DRAIN_AS_CREDIT.id();
    }

    @Override
    protected void lowerCreditLimit(Slab slab, int n) {
        // BUG: the limit stays, so the moved blocks count as credit
    }
}
