package org.slabproof.testkit.cells;

import java.util.List;

import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * Adoption x adoption, through the real slow path and its occupancy rule: an abandoned SuperSlab
 * holds one live block and one freed one; two heaps with nothing of their own malloc at once.
 * Exactly one adopts it (I5: one owner at a time), the other maps a SuperSlab of its own; the
 * freed block is drained once (I2) and the count agrees (I1).
 */
public final class AdoptVsAdopt extends Cell {
    private final ThreadHeap h1 = w.heap();
    private final ThreadHeap h2 = w.heap();
    private final long kept;
    private final SuperSlab abandoned;
    private long got1;
    private long got2;

    /** Setup: the owner allocates a and b, another heap frees a, the owner exits. */
    public AdoptVsAdopt(FreeProtocol protocol) {
        super(protocol);
        ThreadHeap owner = w.heap();
        long[] blocks = malloc(owner, 2);
        kept = blocks[1];
        w.heap().free(blocks[0]);
        owner.close();
        abandoned = superSlabOf(kept);
    }

    @Override
    public String first() {
        return step(() -> {
            got1 = h1.malloc(16);
            return abandoned.contains(got1) ? "adopted" : "mapped";
        });
    }

    @Override
    public String second() {
        return step(() -> {
            got2 = h2.malloc(16);
            return abandoned.contains(got2) ? "adopted" : "mapped";
        });
    }

    @Override
    protected long[] live() {
        return new long[] {kept, got1, got2};
    }

    @Override
    protected void cellChecks(List<Violation> found) {
        boolean one = abandoned.contains(got1);
        boolean two = abandoned.contains(got2);
        require(found, Invariant.I5, !(one && two), "two heaps allocated from " + abandoned + " at once");
        require(found, Invariant.I5, one == h1.hasPinned(abandoned) && two == h2.hasPinned(abandoned),
                abandoned + " is not pinned by the heap that allocated from it");
    }
}
