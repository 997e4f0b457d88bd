package org.slabproof.variants;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * Zero detected by a separate read after the decrement instead of by the decrement's own result.
 * Two threads that decrement the last two blocks can both read zero and both attempt the release
 * (I3).
 */
public final class DoubleZero extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.DOUBLE_ZERO.id();
    }

    @Override
    protected boolean decrementToZero(SuperSlab ss, int n) {
        ss.activeDecrement(n);
        return ss.totalActiveBlocks() == 0;                     // BUG: a second, separate read
    }
}
