package org.slabproof.testkit;

import org.slabproof.AccountingPolicy;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.Slab;
import org.slabproof.superslab.SuperSlab;

/**
 * The setup most single-step tests start from: a fresh tiny world, an owner heap, and that heap's
 * first block, with the SuperSlab and slab it lies in.
 *
 * @param world     the tiny world
 * @param owner     the heap that allocated the block (it has the SuperSlab pinned)
 * @param block     the heap's first block
 * @param superSlab the world's first SuperSlab, the block's
 * @param slab      the block's slab
 */
public record OwnedBlock(TinyWorld world, ThreadHeap owner, long block, SuperSlab superSlab, Slab slab) {
    /** A fresh world under {@code policy} whose first heap allocated one block of {@code size} bytes. */
    public static OwnedBlock of(AccountingPolicy policy, int size) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        long block = owner.malloc(size);
        SuperSlab ss = w.superSlabs().getFirst();
        return new OwnedBlock(w, owner, block, ss, ss.slabOf(block));
    }

    /** The same with a block of {@link TinyWorld#SIZE} bytes. */
    public static OwnedBlock of(AccountingPolicy policy) {
        return of(policy, TinyWorld.SIZE);
    }
}
