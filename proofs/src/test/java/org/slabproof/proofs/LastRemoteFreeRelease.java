package org.slabproof.proofs;

/**
 * Last remote free x release: the owner has exited and abandoned the SuperSlab with one block
 * live; another thread frees that block and, if its free saw the zero, tries to release, while
 * the trimmer tries to release too. The free touches nothing after its decrement (I4), at most one
 * release happens (I3, I5), under decrement-at-free it has happened by quiescence, and under
 * decrement-at-drain the trimmer's next pass does it (I6).
 */
final class LastRemoteFreeRelease extends Cell {
    private long a;
    private boolean releasedByFree;
    private boolean releasedByTrim;

    LastRemoteFreeRelease(String protocolId) {
        super(protocolId);
    }

    @Override
    void setup() {
        a = f.allocate(0);
        f.abandon();                           // the owner exited; its block went to another thread
    }

    @Override
    void first() {
        if (f.freeRemote(a)) {
            releasedByFree = f.reclaim();      // what ThreadHeap does for the zero observer
        }
    }

    @Override
    void second() {
        releasedByTrim = f.reclaim();
    }

    @Override
    void check() {
        ReleaseChecks.releasedOnce(this, releasedByFree, releasedByTrim);
    }
}
