package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * The owner pins its IDLE SuperSlab back by a read and a write instead of a CAS: a claimant that
 * claims in between and the owner both believe they have it; the claimant may release it under
 * the owner's allocation (I5, I4).
 */
public final class PinWithoutCas extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.PIN_WITHOUT_CAS.id();
    }

    @Override
    public boolean pin(SuperSlab ss, long heapId) {
        if (ss.state() != SuperSlab.idle(heapId)) {            // BUG: read ...
            return false;
        }
        ss.setState(SuperSlab.owned(heapId));                   // ... then write, not a CAS
        return true;
    }
}
