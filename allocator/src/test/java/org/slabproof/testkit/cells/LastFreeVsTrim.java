package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * Trimmer claim x the remote free of the last block, on an IDLE SuperSlab whose owner lives: the
 * seed's Option G. Under decrement-at-free the free sees zero and releases it, or the trimmer,
 * claiming after the decrement, does: exactly once (I3), and the free touches nothing after its
 * decrement (I4). Under decrement-at-drain the trimmer releases it once the free's push landed,
 * this pass or the next (I6). Targets: dec-before-publish (I4), seed-missing-remote-dec (I1, I6),
 * release-without-drain (the trimmer releases only after a drain: without one the count never
 * reaches zero, I6).
 */
public final class LastFreeVsTrim extends Cell {
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final IdleSetup s;

    /** Setup: {@link IdleSetup}. */
    public LastFreeVsTrim(FreeProtocol protocol) {
        super(protocol);
        s = IdleSetup.build(this, owner, x);
    }

    @Override
    public String first() {
        return free(x, s.last());
    }

    @Override
    public String second() {
        return trim();
    }

    @Override
    protected long[] live() {
        return new long[] {s.next()};
    }
}
