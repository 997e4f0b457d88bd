package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * A closing heap (its thread exits, or the reaper acts for it) forgets its pinned SuperSlabs
 * instead of abandoning them: they stay OWNED by a heap that no longer exists, where no adopter,
 * zero observer or trimmer may claim them (I6: the seed's "owner already exited").
 */
public final class ExitLeavesPinned extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.EXIT_LEAVES_PINNED.id();
    }

    @Override
    public boolean abandon(SuperSlab ss) {
        return false;                                           // BUG: left pinned by the dead heap
    }
}
