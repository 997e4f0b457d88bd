package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * The free's routing trusts ownership instead of the pin: a heap frees locally into a SuperSlab
 * that is still its own but IDLE (unpinned), where a claimant may be draining or releasing it.
 * The local free earns back a credit no owner holds, so the count never reaches zero (I1, I6), and
 * its freelist write races the claimant's.
 */
public final class LocalFreeIntoIdle extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.LOCAL_FREE_INTO_IDLE.id();
    }

    @Override
    protected boolean routesLocal(SuperSlab ss, long ownedState) {
        long state = ss.state();
        return SuperSlab.heapOf(state) == SuperSlab.heapOf(ownedState)      // BUG: owned or idle, pinned or not
                && (SuperSlab.kind(state) == SuperSlab.OWNED || SuperSlab.kind(state) == SuperSlab.IDLE);
    }
}
