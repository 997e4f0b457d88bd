package org.slabproof.proofs;

import org.slabproof.superslab.SuperSlab;

/**
 * Allocation x release attempt: the owner allocates from a SuperSlab whose count is zero while
 * another thread tries to release it (as a remote free that saw the zero does). An owned
 * SuperSlab is never released (I5), so the owner's allocation, which reads the block's link in
 * the SuperSlab's memory, never touches released memory (I4).
 */
final class AllocateReclaim extends Cell {
    private long a;
    private long got;
    private boolean released;

    AllocateReclaim(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        a = f.allocate(0);
        f.freeLocal(a);                        // count zero, block on the local freelist
    }

    @Override
    void first() {
        released = f.reclaim();
    }

    @Override
    void second() {
        got = f.allocate(0);
    }

    @Override
    void check() {
        Invariant.I5.require(!released && f.releases() == 0 && f.ss.state() == SuperSlab.OWNED,
                "an owned SuperSlab was released while its owner allocated from it");
        Invariant.I2.require(got == a, "the owner got 0x" + Long.toHexString(got) + " instead of its freed block");
        Invariant.I1.require(f.active() == 1, "count " + f.active() + " with 1 block live");
    }
}
