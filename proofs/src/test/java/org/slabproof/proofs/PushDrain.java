package org.slabproof.proofs;

/**
 * Remote push x drain: a non-owner frees a block while the owner drains the slab's remote stack,
 * which already holds one block. The two drains together move both blocks exactly once (I2); the
 * count never reads zero while the owner still holds a live block, and agrees at the end (I1).
 */
final class PushDrain extends Cell {
    private long a;
    private long b;
    private int movedDuring;
    private int activeSeen;

    PushDrain(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        a = f.allocate(0);
        b = f.allocate(0);
        f.allocate(0);                         // stays live throughout: the count must stay above zero
        f.freeRemote(b);
    }

    @Override
    void first() {
        f.freeRemote(a);
    }

    @Override
    void second() {
        movedDuring = f.drain(0);
        activeSeen = f.active();
    }

    @Override
    void check() {
        Invariant.I1.require(activeSeen >= 1, "the owner read count " + activeSeen + " while it held a live block");
        int moved = movedDuring + f.drain(0);
        Invariant.I2.require(moved == 2, "the drains moved " + moved + " of the 2 freed blocks");
        Invariant.I1.require(f.active() == 1, "count " + f.active() + " with 1 block live, none pending");
        Invariant.I5.require(f.releases() == 0, "an owned SuperSlab was released");
    }
}
