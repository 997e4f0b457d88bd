package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * Reclaim that releases on {@code count == 0} without claiming the SuperSlab first: it moves the
 * state it happens to see straight to RELEASED. An adopter that claimed it in between, and may
 * already be allocating from it, loses it under its feet (I5).
 */
public final class CheckThenRelease extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.CHECK_THEN_RELEASE.id();
    }

    @Override
    public boolean reclaim(SuperSlab ss) {
        if (count(ss) != 0) {
            return false;
        }
        long seen = ss.state();                                 // BUG: observed, not claimed
        if (SuperSlab.kind(seen) != SuperSlab.RELEASED && ss.compareAndSetState(seen, SuperSlab.RELEASED)) {
            ss.releaseMemory();
            return true;
        }
        return false;
    }
}
