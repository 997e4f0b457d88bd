package org.slabproof.testkit.cells;

import java.util.List;

import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * Remote free x the owner's allocation, in a pinned SuperSlab: the owner's slab is full (its
 * credit spent) and b, c, d are pending on its remote stack; another heap frees a, the last live
 * block, while the owner's malloc drains and allocates, counting ahead again (a credit refill
 * under decrement-at-free). Under decrement-at-free the free sees zero, but the SuperSlab is
 * pinned: its release attempt must fail (I5), and the count must end at live plus credit (I1).
 * Targets: check-then-release and claim-pinned (an owned SuperSlab released under its owner, I5,
 * or touched after, I4), racy-credit-refill (the refill's read-modify-write loses the free's
 * decrement, I1), double-dec and drain-as-credit (I1).
 */
public final class RemoteFreeVsRefill extends Cell {
    private final long a;
    private final long base;
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final SuperSlab ss;
    private long got;

    /** Setup: the owner fills slab 0; b, c and d are freed remotely. */
    public RemoteFreeVsRefill(FreeProtocol protocol) {
        super(protocol);
        long[] blocks = malloc(owner, 4);
        a = blocks[0];
        base = a;
        for (int i = 1; i < 4; i++) {
            x.free(blocks[i]);
        }
        ss = w.superSlabs().getFirst();
    }

    @Override
    public String first() {
        return free(x, a);
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
        return new long[] {got};
    }

    @Override
    protected void cellChecks(List<Violation> found) {
        require(found, Invariant.I5, owner.hasPinned(ss), "the owner's pinned SuperSlab was taken from it: " + ss);
    }
}
