package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * No re-read of the count after giving up a pin or a claim. A remote free that made the count zero
 * while the SuperSlab was pinned or claimed could not claim it, and now nobody does: an empty
 * SuperSlab stays unreleased until the trimmer happens by (I6, and I3: the zero transition was
 * observed and led to no release).
 */
public final class SkipRecheck extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.SKIP_RECHECK.id();
    }

    @Override
    protected boolean mayHaveReachedZero(SuperSlab ss) {
        return false;                                           // BUG: the Dekker re-read is gone
    }
}
