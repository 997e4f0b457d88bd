package org.slabproof.variants;

import java.lang.foreign.MemorySegment;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.RemoteStack;

/**
 * Drain by reading the head and then storing 0, instead of one atomic exchange. A push that lands
 * between the two is overwritten and lost (I2).
 */
public final class RacyDrain extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.RACY_DRAIN.id();
    }

    @Override
    public RemoteStack newRemoteStack(MemorySegment memory, long base) {
        return new RemoteStack(memory, base) {
            @Override
            public long takeAll() {
                long top = headCell().get();                // BUG: read ...
                headCell().set(0L);                         // ... then clear, not an exchange
                return top;
            }
        };
    }
}
