package org.slabproof.proofs;

/**
 * Remote push x remote push: two non-owner threads free the SuperSlab's last two live blocks
 * onto the same slab's remote stack. Both blocks end on the stack exactly once (I2); under
 * decrement-at-free exactly one of the two frees sees the count reach zero, under
 * decrement-at-drain neither does (I3); the owned SuperSlab is not released (I5); the owner's
 * drain then finds both and the count agrees (I1).
 */
final class PushPush extends Cell {
    private long a;
    private long b;
    private boolean zeroA;
    private boolean zeroB;

    PushPush(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        a = f.allocate(0);
        b = f.allocate(0);
    }

    @Override
    void first() {
        zeroA = f.freeRemote(a);
    }

    @Override
    void second() {
        zeroB = f.freeRemote(b);
    }

    @Override
    void check() {
        int zeros = (zeroA ? 1 : 0) + (zeroB ? 1 : 0);
        Invariant.I3.require(zeros == (policy.countsRemotePending() ? 0 : 1),
                zeros + " of the two last frees saw the count reach zero");
        Invariant.I1.require(f.active() == counted(0, 2), "count " + f.active() + " with 2 blocks pending");
        Invariant.I5.require(f.releases() == 0, "an owned SuperSlab was released");
        int moved = f.drain(0);
        Invariant.I2.require(moved == 2, "the drain found " + moved + " of the 2 pushed blocks");
        Invariant.I1.require(f.active() == 0, "count " + f.active() + " after draining every freed block");
    }
}
