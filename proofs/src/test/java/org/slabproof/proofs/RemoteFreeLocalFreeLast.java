package org.slabproof.proofs;

/**
 * Remote free x local free of the last blocks: the owner frees one of the last two live blocks
 * while another thread frees the other. Under decrement-at-free exactly one of them sees the
 * count reach zero; under decrement-at-drain neither does, and the owner's drain brings it to
 * zero (I3, I1). The owned SuperSlab is not released (I5).
 */
final class RemoteFreeLocalFreeLast extends Cell {
    private long a;
    private long b;
    private boolean zeroRemote;
    private boolean zeroLocal;

    RemoteFreeLocalFreeLast(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        a = f.allocate(0);
        b = f.allocate(0);
    }

    @Override
    void first() {
        zeroRemote = f.freeRemote(a);
    }

    @Override
    void second() {
        zeroLocal = f.freeLocal(b);
    }

    @Override
    void check() {
        int zeros = (zeroRemote ? 1 : 0) + (zeroLocal ? 1 : 0);
        Invariant.I3.require(zeros == (policy.countsRemotePending() ? 0 : 1),
                zeros + " of the two last frees saw the count reach zero (remote=" + zeroRemote + ", local="
                        + zeroLocal + ")");
        Invariant.I1.require(f.active() == counted(0, 1), "count " + f.active() + " with 1 block pending");
        int moved = f.drain(0);
        Invariant.I2.require(moved == 1, "the drain found " + moved + " of the 1 remotely freed block");
        Invariant.I1.require(f.active() == 0, "count " + f.active() + " with every block freed and drained");
        Invariant.I5.require(f.releases() == 0, "an owned SuperSlab was released");
    }
}
