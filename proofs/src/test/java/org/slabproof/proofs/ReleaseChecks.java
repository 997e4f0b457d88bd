package org.slabproof.proofs;

import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.ProtocolFixture;

/**
 * The checks shared by the cells that end with an abandoned SuperSlab whose every block was
 * freed: released exactly once, by quiescence under decrement-at-free, by one more trim pass at
 * the latest under decrement-at-drain.
 */
final class ReleaseChecks {
    private ReleaseChecks() {
    }

    /**
     * @param one   whether the first actor's release attempt released it
     * @param other whether the second actor's did
     */
    static void releasedOnce(Cell cell, boolean one, boolean other) {
        ProtocolFixture f = cell.f;
        Invariant.I3.require(!(one && other), "both actors released the SuperSlab");
        Invariant.I5.require(f.releases() == (one || other ? 1 : 0),
                "the release sink ran " + f.releases() + " times for " + ((one ? 1 : 0) + (other ? 1 : 0))
                        + " successful release");
        if (f.releases() == 0) {
            int pending = f.ss.slab(0).remote().count();
            Invariant.I1.require(f.active() == cell.counted(0, pending), "count " + f.active()
                    + " with no block live and " + pending + " pending");
            // Decrement-at-free: the count is zero, so the last free's decrement or the releaser's
            // re-read must have seen it, and whoever saw it releases.
            Invariant.I3.require(cell.policy.countsRemotePending(),
                    "the count reached zero but no thread acted on the transition: still not released");
        }
        boolean releasedByNextPass = f.reclaim();  // the trimmer's next pass
        Invariant.I6.require(f.releases() == 1, "the next trim pass did not release an abandoned SuperSlab whose "
                + "blocks were all freed (count " + f.active() + ", " + f.ss.slab(0).remote().count() + " pending)");
        Invariant.I5.require(!(releasedByNextPass && (one || other)), "released twice");
        Invariant.I5.require(f.ss.state() == SuperSlab.RELEASED, "released but in state " + f.ss.state());
    }
}
