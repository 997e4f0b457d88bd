package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * Owner exit x the last remote free, on the owner's IDLE SuperSlab: the closing heap claims its
 * IDLE SuperSlab (one live block left), drains it and, finding the count not zero, gives it back;
 * meanwhile the last free makes the count zero and its own claim fails. The Dekker re-read after
 * the give-back is what still releases it (I6). Targets: give-back-without-recheck (I6).
 */
public final class ExitIdleVsLastFree extends Cell {
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final IdleSetup s;

    /** Setup: {@link IdleSetup}. */
    public ExitIdleVsLastFree(FreeProtocol protocol) {
        super(protocol);
        s = IdleSetup.build(this, owner, x);
    }

    @Override
    public String first() {
        return free(x, s.last());
    }

    @Override
    public String second() {
        return step(() -> owner.close() ? "closed" : "already closed");
    }

    @Override
    protected long[] live() {
        return new long[] {s.next()};
    }
}
