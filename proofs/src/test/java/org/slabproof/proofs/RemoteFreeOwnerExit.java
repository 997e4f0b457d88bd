package org.slabproof.proofs;

/**
 * Remote free x owner exit: another thread frees the owner's last live block while the owner
 * exits the way {@code ThreadHeap.close} does: drain, abandon, try to release. The free's zero may
 * come while the SuperSlab is still owned (its release attempt must then fail) or after the
 * abandon; either way at most one release happens (I3, I5), under decrement-at-free by
 * quiescence, under decrement-at-drain by the trimmer's next pass at the latest (I6); the free
 * touches nothing after its decrement (I4).
 */
final class RemoteFreeOwnerExit extends Cell {
    private long a;
    private boolean releasedByFree;
    private boolean releasedByExit;

    RemoteFreeOwnerExit(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        a = f.allocate(0);
    }

    @Override
    void first() {
        if (f.freeRemote(a)) {
            releasedByFree = f.reclaim();
        }
    }

    @Override
    void second() {
        f.ss.drainAll();
        f.abandon();
        releasedByExit = f.reclaim();
    }

    @Override
    void check() {
        ReleaseChecks.releasedOnce(this, releasedByFree, releasedByExit);
    }
}
