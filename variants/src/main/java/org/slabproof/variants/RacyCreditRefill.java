package org.slabproof.variants;

import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.SuperSlab;

/**
 * The owner's credit refill as a plain read-modify-write of the shared count (read, add, write)
 * instead of one atomic add: a remote free's decrement that lands in between is lost, and the
 * count stays above the live blocks for ever (I1, then I6).
 */
public final class RacyCreditRefill extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.RACY_CREDIT_REFILL.id();
    }

    @Override
    protected void countAhead(SuperSlab ss, int blocks) {
        AtomicInteger count = ss.totalActiveBlocksCell();
        count.set(count.get() + blocks);                        // BUG: not one atomic step
    }
}
