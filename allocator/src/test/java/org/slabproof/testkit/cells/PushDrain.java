package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * Remote push x the owner's drain: the owner's current slab is full (a, b, c, d) and b is already
 * pending on its remote stack; another heap frees a, then c, while the owner's malloc takes the
 * slow path, which drains the stack and allocates. Every freed block must end in exactly one
 * place (I2) and the count must agree (I1). Targets: racy-drain (a push between the drain's read
 * and its clear is lost, I2), double-dec (the drain subtracts again, I1), drain-as-credit (the
 * drained blocks become credit, I1).
 */
public final class PushDrain extends Cell {
    private final long a;
    private final long c;
    private final long d;
    private final long base;
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private long got;

    /** Setup: the owner fills slab 0; b is freed remotely. */
    public PushDrain(FreeProtocol protocol) {
        super(protocol);
        long[] blocks = malloc(owner, 4);
        a = blocks[0];
        c = blocks[2];
        d = blocks[3];
        base = a;
        x.free(blocks[1]);
    }

    @Override
    public String first() {
        return free(x, a) + ", " + free(x, c);
    }

    @Override
    public String second() {
        return step(() -> {
            got = owner.malloc(16);
            return "got " + name(got, base);
        });
    }

    @Override
    protected long[] live() {
        return new long[] {d, got};
    }
}
