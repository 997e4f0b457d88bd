package org.slabproof.proofs;

import org.slabproof.superslab.SuperSlab;

/**
 * Adoption x trim: an abandoned SuperSlab whose only freed block is still on its remote stack is
 * wanted both by an adopter (claim, drain, adopt, then allocate from it) and by the trimmer
 * (claim, drain, release if empty). Exactly one wins the claim (I5): either it is adopted and
 * never released, or released and never adopted; the adopter never touches released memory (I4).
 */
final class AdoptTrim extends Cell {
    private final Object adopter = new Object();
    private boolean adopted;
    private long got;
    private boolean released;

    AdoptTrim(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        f.freeRemote(f.allocate(0));
        f.abandon();
    }

    @Override
    void first() {
        adopted = f.adopt(adopter);
        if (adopted) {
            got = f.allocate(0);               // pops the drained block: reads its link in the memory
        }
    }

    @Override
    void second() {
        released = f.reclaim();
    }

    @Override
    void check() {
        Invariant.I5.require(adopted != released, adopted ? "adopted and also released" : "neither adopted nor released");
        if (adopted) {
            Invariant.I5.require(f.releases() == 0 && f.ss.state() == SuperSlab.OWNED && f.ss.owner() == adopter,
                    "adopted, yet state " + f.ss.state() + " with " + f.releases() + " releases");
            Invariant.I2.require(got != 0, "the adopter found no block in a SuperSlab with a freed one");
            Invariant.I1.require(f.active() == 1, "count " + f.active() + " with the adopter's block live");
        } else {
            Invariant.I5.require(f.releases() == 1 && f.ss.state() == SuperSlab.RELEASED,
                    "released, yet state " + f.ss.state() + " with " + f.releases() + " releases");
        }
    }
}
