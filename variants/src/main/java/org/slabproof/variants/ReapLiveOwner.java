package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;

/**
 * The reaper closes heaps without asking whether their thread is dead: a live owner's pinned
 * SuperSlabs are abandoned (and may be claimed or released) while it keeps allocating from them
 * (I5, I1).
 */
public final class ReapLiveOwner extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.REAP_LIVE_OWNER.id();
    }

    @Override
    public boolean ownerGone(Thread owner) {
        return true;                                            // BUG: alive or not
    }
}
