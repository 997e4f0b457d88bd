package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * Remote free x owner exit: another heap frees a, the last live block of the owner's pinned
 * SuperSlab, while the owner's heap closes (the real {@code ThreadHeap.close}: return credit,
 * abandon, release at once if empty). Larson's situation: blocks whose owner has gone are freed
 * by its successors. Released exactly once, by whichever comes last (I3, I6); the free touches
 * nothing after its decrement (I4). Targets: seed-missing-remote-dec (I1, I6), dec-before-publish
 * (I4), exit-leaves-pinned (I6), lost-credit (I1).
 */
public final class ExitVsLastFree extends Cell {
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final long a;

    /** Setup: the owner allocates a and b, and frees b itself. */
    public ExitVsLastFree(FreeProtocol protocol) {
        super(protocol);
        long[] blocks = malloc(owner, 2);
        a = blocks[0];
        owner.free(blocks[1]);
    }

    @Override
    public String first() {
        return free(x, a);
    }

    @Override
    public String second() {
        return step(() -> owner.close() ? "closed" : "already closed");
    }

    @Override
    protected long[] live() {
        return new long[0];
    }
}
