package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtDrain;
import org.slabproof.superslab.SuperSlab;

/**
 * Decrement-at-drain whose claimant checks the count without draining first: the blocks pending
 * on the remote stacks stay counted, so a SuperSlab emptied by remote frees never reads zero and
 * is never released, with or without its owner (I6).
 */
public final class ReleaseWithoutDrain extends DecrementAtDrain {
    @Override
    public String id() {
        return KnownBadVariant.RELEASE_WITHOUT_DRAIN.id();
    }

    @Override
    protected boolean releaseIfEmpty(SuperSlab ss) {
        if (count(ss) == 0) {                                   // BUG: no drain before the check
            ss.releaseClaimed();
            return true;
        }
        giveBack(ss);
        return false;
    }
}
