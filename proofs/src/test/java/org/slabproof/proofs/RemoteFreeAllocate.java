package org.slabproof.proofs;

/**
 * Remote free x allocation: the owner's slab is full and it allocates the way the slow path does
 * (local block, else drain, else nothing) while another thread frees one of its blocks. The owner
 * gets either the freed block or nothing, never a block that is still live (I2), and the count
 * equals the live blocks afterwards (I1).
 */
final class RemoteFreeAllocate extends Cell {
    private final long[] live = new long[4];
    private long got;

    RemoteFreeAllocate(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        for (int i = 0; i < live.length; i++) {
            live[i] = f.allocate(0);           // the slab is now full
        }
    }

    @Override
    void first() {
        f.freeRemote(live[0]);
    }

    @Override
    void second() {
        got = f.allocate(0);
        if (got == 0) {
            f.drain(0);
            got = f.allocate(0);
        }
    }

    @Override
    void check() {
        Invariant.I2.require(got == 0 || got == live[0], "the owner got 0x" + Long.toHexString(got)
                + ", which is not the one freed block 0x" + Long.toHexString(live[0]));
        int moved = f.drain(0);
        Invariant.I2.require(moved == (got == 0 ? 1 : 0),
                "the freed block was " + (got == 0 ? "not found" : "handed out and also found") + " by the drain");
        int liveNow = got == 0 ? 3 : 4;
        Invariant.I1.require(f.active() == liveNow, "count " + f.active() + " with " + liveNow + " blocks live");
        Invariant.I5.require(f.releases() == 0, "an owned SuperSlab was released");
    }
}
