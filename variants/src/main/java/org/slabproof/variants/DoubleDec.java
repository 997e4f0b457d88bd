package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.Slab;

/**
 * Both fixes applied at once: the remote free decrements (Option A) and the drain subtracts the
 * moved blocks again (mimalloc's way). Breaks I1: the count reaches zero, or tries to go below
 * it, while blocks are live.
 */
public final class DoubleDec extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.DOUBLE_DEC.id();
    }

    @Override
    public int drain(Slab slab) {
        int moved = super.drain(slab);
        if (moved > 0) {
            decrementToZero(slab.superSlab(), moved);   // BUG: already decremented at free time
        }
        return moved;
    }
}
