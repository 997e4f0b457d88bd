package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * The free's routing: the owner frees a (local: it has the SuperSlab pinned) while another heap
 * frees b of the same slab (remote). One lands on the local freelist, the other on the remote
 * stack; nothing is lost (I2), the count agrees (I1), the pinned SuperSlab stays (I5).
 */
public final class OwnerFreeVsRemoteFree extends Cell {
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final long a;
    private final long b;
    private final long c;

    /** Setup: the owner allocates a, b and c. */
    public OwnerFreeVsRemoteFree(FreeProtocol protocol) {
        super(protocol);
        long[] blocks = malloc(owner, 3);
        a = blocks[0];
        b = blocks[1];
        c = blocks[2];
    }

    @Override
    public String first() {
        return free(owner, a);
    }

    @Override
    public String second() {
        return free(x, b);
    }

    @Override
    protected long[] live() {
        return new long[] {c};
    }
}
