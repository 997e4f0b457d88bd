package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * Reclaim claims whatever is not already claimed or released, pinned SuperSlabs included: a zero
 * observer or the trimmer releases a SuperSlab its owner is allocating from (I5, I4).
 */
public final class ClaimPinned extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.CLAIM_PINNED.id();
    }

    @Override
    public boolean reclaim(SuperSlab ss) {
        long state = ss.state();
        int kind = SuperSlab.kind(state);
        if (kind == SuperSlab.CLAIMED || kind == SuperSlab.RELEASED
                || !ss.compareAndSetState(state, SuperSlab.CLAIMED)) {  // BUG: OWNED is claimed too
            return false;
        }
        return releaseIfEmpty(ss);
    }
}
