package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * The owner drops its credit at a hand-off (unpin, exit) instead of returning it: the count keeps
 * blocks that nobody holds (I1), never reaches zero, and the SuperSlab is never released (I6).
 */
public final class LostCredit extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.LOST_CREDIT.id();
    }

    @Override
    protected int handOff(SuperSlab ss) {
        takeCredit(ss);                                         // BUG: taken from the slabs, never subtracted
        return ss.totalActiveBlocks();
    }
}
