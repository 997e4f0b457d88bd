package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.Slab;

/**
 * The seed's bug ({@code ss_remote_push} without {@code ss_active_dec_one}): a remote free only
 * pushes, and the inherited drain only moves blocks. Breaks I1 (the count stays above the live
 * blocks forever) and I6 (a SuperSlab freed remotely never empties, so it is never released).
 */
public final class SeedMissingRemoteDec extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.SEED_MISSING_REMOTE_DEC.id();
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        slab.remote().push(block);
        return false;                           // BUG: no decrement
    }
}
