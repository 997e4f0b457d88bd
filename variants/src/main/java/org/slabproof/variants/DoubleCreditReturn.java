package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * The owner returns its credit at a hand-off but leaves it on the slabs, so it is returned again
 * at the next one: the count drops below the live blocks, reaches zero while blocks are live, and
 * the SuperSlab can be released under them (I1, I5).
 */
public final class DoubleCreditReturn extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.DOUBLE_CREDIT_RETURN.id();
    }

    @Override
    protected int handOff(SuperSlab ss) {
        int credit = ss.credit();                               // BUG: the slabs keep it
        if (credit == 0) {
            return ss.totalActiveBlocks();
        }
        return decrementToZero(ss, credit) ? 0 : 1;
    }
}
