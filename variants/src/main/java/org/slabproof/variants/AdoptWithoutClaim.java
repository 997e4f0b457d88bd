package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * Adoption by observation: the adopter sees ABANDONED and writes OWNED, with no claim in between.
 * A zero observer or the trimmer may claim and release the SuperSlab meanwhile, under the adopter
 * that then allocates from it (I5, I4).
 */
public final class AdoptWithoutClaim extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.ADOPT_WITHOUT_CLAIM.id();
    }

    @Override
    public boolean adopt(SuperSlab ss, long heapId) {
        if (ss.kind() != SuperSlab.ABANDONED) {                 // BUG: observed, not claimed ...
            return false;
        }
        ss.drainAll();
        ss.setState(SuperSlab.owned(heapId));                   // ... then written
        return true;
    }
}
