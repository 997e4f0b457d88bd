package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * Remote push x remote push, same slab: an abandoned SuperSlab holds a, b and c live; two other
 * heaps free a and b at once, c stays live, so nothing is released and the stack must hold both
 * (I2), the count must have lost exactly two (I1). Targets: racy-push (a lost push, I2).
 */
public final class PushPush extends Cell {
    private final long a;
    private final long b;
    private final long c;
    private final ThreadHeap x = w.heap();
    private final ThreadHeap y = w.heap();

    /** Setup: the owner allocates a, b, c and exits. */
    public PushPush(FreeProtocol protocol) {
        super(protocol);
        ThreadHeap owner = w.heap();
        long[] blocks = malloc(owner, 3);
        a = blocks[0];
        b = blocks[1];
        c = blocks[2];
        owner.close();
    }

    @Override
    public String first() {
        return free(x, a);
    }

    @Override
    public String second() {
        return free(y, b);
    }

    @Override
    protected long[] live() {
        return new long[] {c};
    }
}
