package org.slabproof.variants;

import java.lang.foreign.MemorySegment;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.RemoteStack;

/**
 * Remote push by a plain read of the head and a plain write of the new head, no CAS. Two
 * concurrent pushes can both link to the same old head; one of them is lost (I2).
 */
public final class RacyPush extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.RACY_PUSH.id();
    }

    @Override
    public RemoteStack newRemoteStack(MemorySegment memory, long base) {
        return new RemoteStack(memory, base) {
            @Override
            public void push(long block) {
                COUNT.getAndAdd(this, 1);
                long top = (long) HEAD.get(this);       // BUG: plain read ...
                setLink(block, top);
                HEAD.set(this, block);                  // ... then plain write
            }
        };
    }
}
