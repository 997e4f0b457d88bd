package org.slabproof.proofs;

import org.slabproof.superslab.SuperSlab;

/**
 * Adoption x adoption: two threads adopt the same abandoned SuperSlab, which has one live block
 * and one freed block on a remote stack. Exactly one wins the claim and becomes the owner (I5);
 * the freed block is drained once (I2) and the count agrees (I1).
 */
final class AdoptAdopt extends Cell {
    private final Object adopterA = new Object();
    private final Object adopterB = new Object();
    private boolean adoptedA;
    private boolean adoptedB;

    AdoptAdopt(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        long a = f.allocate(0);
        f.allocate(0);                         // stays live
        f.freeRemote(a);
        f.abandon();
    }

    @Override
    void first() {
        adoptedA = f.adopt(adopterA);
    }

    @Override
    void second() {
        adoptedB = f.adopt(adopterB);
    }

    @Override
    void check() {
        Invariant.I5.require(adoptedA != adoptedB, "adopted by " + ((adoptedA ? 1 : 0) + (adoptedB ? 1 : 0))
                + " threads");
        Object winner = adoptedA ? adopterA : adopterB;
        Invariant.I5.require(f.ss.state() == SuperSlab.OWNED && f.ss.owner() == winner && f.releases() == 0,
                "state " + f.ss.state() + ", owner is " + (f.ss.owner() == winner ? "" : "not ") + "the winner, "
                        + f.releases() + " releases");
        Invariant.I2.require(f.drain(0) == 0, "a freed block was left on the remote stack by the adoption's drain");
        Invariant.I1.require(f.active() == 1, "count " + f.active() + " with 1 block live");
    }
}
