package org.slabproof.superslab;

import java.lang.foreign.MemorySegment;

import org.slabproof.AccountingPolicy;

/**
 * The steps of the protocol whose order and atomicity the suites verify: local free, remote
 * free, drain, zero detection and reclaim. The two accounting policies are the subclasses
 * {@link DecrementAtFree} and {@link DecrementAtDrain}; the known-bad variants (package
 * {@code org.slabproof.variants}) override exactly one step each. An allocator holds one
 * protocol instance, so in a JVM that runs only the default every call site stays monomorphic
 * and is inlined: the choice costs nothing on the hot path.
 *
 * <p>Thread rules: {@link #freeLocal} and {@link #drain} by the owner (or the claimant of a
 * CLAIMED SuperSlab); {@link #freeRemote} by any other thread; {@link #reclaim} by any thread.
 */
public abstract class FreeProtocol {
    /** Subclasses only. */
    protected FreeProtocol() {
    }

    /** The policy this protocol implements (or breaks). */
    public abstract AccountingPolicy policy();

    /** Id for reports: the policy id, or the variant id. */
    public String id() {
        return policy().id();
    }

    /** The remote stack implementation (a variant may substitute a broken one). */
    public RemoteStack newRemoteStack(MemorySegment memory, long base) {
        return new RemoteStack(memory, base);
    }

    /**
     * Owner free of a validated block: onto the local freelist, then one decrement (both
     * policies). No CAS: the decrement is an atomic add.
     *
     * @return true if this free made the count zero (I3)
     */
    public final boolean freeLocal(Slab slab, long block) {
        slab.checkNotLocalHead(block);
        slab.pushLocal(block);
        return decrementToZero(slab.superSlab(), 1);
    }

    /**
     * Free of a validated block by a thread that is not the owner.
     *
     * @return true if this free made the count zero (I3); the caller then calls {@link #reclaim}
     */
    public abstract boolean freeRemote(Slab slab, long block);

    /**
     * Moves the slab's remote stack onto its local freelist, accounting as the policy says.
     *
     * @return blocks moved
     */
    public abstract int drain(Slab slab);

    /**
     * The zero detection of I3: subtract and report whether this very subtraction reached zero.
     */
    protected boolean decrementToZero(SuperSlab ss, int n) {
        return ss.activeDecrement(n);
    }

    /**
     * Releases an abandoned SuperSlab if it is empty: claim (I5), drain (I6: under
     * decrement-at-drain only a drain brings the count down), check, then release or give the
     * claim back. Any thread; cheap when the SuperSlab is owned or already claimed (one CAS).
     *
     * <p>Giving the claim back is followed by a re-read of the count: a remote free that reached
     * zero while we held the claim could not claim it itself. Its decrement and our volatile write
     * of ABANDONED are both sequentially consistent, so at least one of us sees the other (the
     * Dekker pattern on {@code state} and {@code totalActiveBlocks}).
     *
     * @return true if this call released it
     */
    public boolean reclaim(SuperSlab ss) {
        while (ss.tryClaim()) {
            drainClaimed(ss);
            if (ss.activeBlocks() == 0) {
                ss.releaseClaimed();
                return true;
            }
            ss.unclaim();
            if (ss.activeBlocks() != 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Drains a SuperSlab this thread has claimed. If the drain fails (a corrupted remote stack
     * after a double free in default mode, an accounting violation), the claim is given back
     * before the exception propagates, so the SuperSlab stays reclaimable by others (I6).
     */
    public static void drainClaimed(SuperSlab ss) {
        try {
            ss.drainAll();
        } catch (RuntimeException e) {
            ss.unclaim();
            throw e;
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
