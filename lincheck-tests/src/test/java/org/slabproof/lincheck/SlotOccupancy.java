package org.slabproof.lincheck;

/**
 * The sequential specification the heap structures share: which slots hold a live block. The
 * allocator's nondeterminism (which SuperSlab a block comes from, who releases what, whether a
 * free was local) is in no result; it is checked as invariants at quiescent points instead.
 */
abstract class SlotOccupancy {
    private final boolean[] full;

    /** {@code slots} empty slots. */
    SlotOccupancy(int slots) {
        this.full = new boolean[slots];
    }

    /** Fills the slot if it is empty; true if it was. */
    final boolean fill(int slot) {
        boolean wasEmpty = !full[slot];
        full[slot] = true;
        return wasEmpty;
    }

    /** Empties the slot; true if it held a block. */
    final boolean empty(int slot) {
        boolean wasFull = full[slot];
        full[slot] = false;
        return wasFull;
    }
}
