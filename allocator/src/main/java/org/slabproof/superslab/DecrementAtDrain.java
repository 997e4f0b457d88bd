package org.slabproof.superslab;

import org.slabproof.AccountingPolicy;

/**
 * Decrement-at-drain (mimalloc's {@code _mi_page_thread_free_collect}: swap the list out, count,
 * {@code used -= count}): a remote free never touches the count; the drain subtracts the blocks it
 * moved. A remote free therefore never sees a zero transition, and a SuperSlab whose owner is gone
 * only empties when someone drains it (I6: adopters and the trimmer do).
 */
public class DecrementAtDrain extends FreeProtocol {
    /** Creates the correct protocol (variants subclass it). */
    public DecrementAtDrain() {
    }

    @Override
    public AccountingPolicy policy() {
        return AccountingPolicy.DECREMENT_AT_DRAIN;
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        slab.remote().push(block);
        return false;
    }

    @Override
    public int drain(Slab slab) {
        int moved = slab.drainRemote();
        if (moved > 0) {
            decrementToZero(slab.superSlab(), moved);       // the drainer owns or claims: it acts on zero itself
        }
        return moved;
    }
}
