package org.slabproof.superslab;

import org.slabproof.AccountingPolicy;
import org.slabproof.LifecycleViolationException;
import org.slabproof.UseAfterReleaseException;
import org.slabproof.Violation;

/**
 * Every step of the protocol that races with another thread, implemented once: allocation and
 * the two frees, the free's routing, drains, pinning and unpinning, abandoning, adoption and
 * reclaim. The heap ({@code ThreadHeap}), the trimmer and every test suite call these methods;
 * none of them re-implements a step. The accounting policies are the subclasses
 * {@link DecrementAtFree} and {@link DecrementAtDrain}; a known-bad variant overrides one step.
 * An allocator holds one protocol instance, so in a JVM that runs one policy every call site stays
 * monomorphic and is inlined.
 *
 * <p>Thread rules. <i>Owner</i>: the heap whose id is in the SuperSlab's OWNED state, on its own
 * thread. <i>Claimant</i>: the thread whose CAS moved the state to CLAIMED; it has the SuperSlab
 * to itself until it adopts, gives back or releases it. {@link #allocate}, {@link #freeLocal},
 * {@link #drainThenAllocate}, {@link #unpin} and {@link #abandon}: owner. {@link #pin}: the heap
 * whose IDLE state it is. {@link #drain}: owner or claimant. {@link #freeRemote}, {@link #free},
 * {@link #reclaim}, {@link #adopt}: any thread.
 *
 * <p>Implementation notes: how the steps keep the invariants.
 * <ul>
 * <li>I5. Only the owner allocates, only from an OWNED SuperSlab, and nobody but the owner moves
 *     OWNED to another state; claims succeed only from IDLE or ABANDONED. So once a thread holds the
 *     claim nobody can raise the count, and a zero it reads is final: release is always claim,
 *     drain, check, release ({@link #reclaim}).</li>
 * <li>I6. A SuperSlab leaves its owner only through {@link #unpin} or {@link #abandon}, and both
 *     end in {@link #reclaim} when it may be empty; a claimant that does not release gives it
 *     back as ABANDONED and queues it for adopters. What no event releases, the trimmer finds by
 *     {@link #looksEmpty} and reclaims.</li>
 * <li>The Dekker pattern, used twice. A remote free that makes the count zero while the SuperSlab
 *     is OWNED or CLAIMED cannot claim it. So the owner, after writing IDLE or ABANDONED, and a
 *     claimant, after giving the claim back, re-read the count ({@link #mayHaveReachedZero}): the
 *     remote free's decrement and state read, and the other side's state write and count read,
 *     are all sequentially consistent, so at least one of the two sees the other and claims.</li>
 * <li>I4. Under decrement-at-free a remote free publishes its block and then decrements: the
 *     decrement is its last touch, and no claimant can see a zero before it. Under
 *     decrement-at-drain the push is the last touch, and the block stays counted until a drain
 *     that can only take it after the push.</li>
 * </ul>
 */
public abstract class FreeProtocol {
    /** Subclasses only. */
    protected FreeProtocol() {
    }

    /** A fresh protocol implementing {@code policy} correctly. */
    public static FreeProtocol of(AccountingPolicy policy) {
        return policy == AccountingPolicy.DECREMENT_AT_FREE ? new DecrementAtFree() : new DecrementAtDrain();
    }

    /** The policy this protocol implements (or breaks). */
    public abstract AccountingPolicy policy();

    /** Id for reports: the policy id, or the variant id. */
    public String id() {
        return policy().id();
    }

    /** The remote stack implementation (a variant may substitute a broken one). */
    public RemoteStack newRemoteStack(java.lang.foreign.MemorySegment memory, long base) {
        return new RemoteStack(memory, base);
    }

    // ---------------------------------------------------------------- accounting, per policy

    /**
     * Hands out a block of an OWNED slab, counting it as the policy says (owner; no lock, no CAS,
     * and under both correct policies no atomic step at all unless a credit runs out).
     *
     * @return the block, or 0 if the slab has no local block
     */
    public abstract long allocate(Slab slab);

    /** The owner's free of a validated block of an OWNED SuperSlab: onto the local freelist. */
    public abstract void freeLocal(Slab slab, long block);

    /**
     * The free of a validated block by a thread that is not its SuperSlab's pinning owner.
     *
     * @return true if this free made the count zero (I3); the caller then calls {@link #reclaim}
     */
    public abstract boolean freeRemote(Slab slab, long block);

    /**
     * Moves the slab's remote stack onto its local freelist (owner or claimant).
     *
     * @return blocks moved
     */
    public abstract int drain(Slab slab);

    /**
     * The owner's credit on a slab: blocks counted ahead and not handed out (owner or claimant;
     * always 0 under decrement-at-drain, which counts nothing ahead).
     */
    public abstract int credit(Slab slab);

    /**
     * {@code total_active_blocks} as the policy keeps it (owner, claimant, or quiescent): the
     * value whose zero means "empty".
     */
    public abstract int count(SuperSlab ss);

    /**
     * Live blocks as the counters report them (any thread): the count without the owner's
     * credit under decrement-at-free; with the remote-pending blocks under decrement-at-drain.
     * Exact at quiescent points; from other threads a racy read of the owner's plain fields.
     */
    public abstract int activeBlocks(SuperSlab ss);

    /**
     * The owner gives up what only it holds, before its state write (unpin, abandon): returns
     * its credit under decrement-at-free, publishes its count under decrement-at-drain.
     *
     * @return 0 if this thread saw the count at zero right after the hand-off, else a positive
     *         number
     */
    protected abstract int handOff(SuperSlab ss);

    /** A claimant's hand-off before it gives the claim back: publish what the trimmer's hint reads. */
    protected abstract void handOffClaim(SuperSlab ss);

    /**
     * After a state write that lets others claim (IDLE, ABANDONED): could a free have made the
     * count zero while this thread held the SuperSlab, so that nobody else claimed it? The
     * Dekker re-read; only decrement-at-free's remote frees change the count without a claim.
     */
    protected abstract boolean mayHaveReachedZero(SuperSlab ss);

    /**
     * The trimmer's hint that an IDLE or ABANDONED SuperSlab is empty, or empty once drained (any
     * thread; atomics only, no plain field of the owner's). A wrong "true" costs one claim; a
     * wrong "false" must be temporary (I6).
     */
    public abstract boolean looksEmpty(SuperSlab ss);

    /**
     * I1 as the policy states it, checked at a quiescent point against what the slabs say.
     *
     * @return null if it holds, otherwise what is wrong
     */
    public abstract Violation validateCount(SuperSlab ss);

    // ---------------------------------------------------------------- routing and the owner's slow path

    /** {@link #free} outcome: a local free. */
    public static final int LOCAL = 0;
    /** {@link #free} outcome: a remote free that did not see the count reach zero. */
    public static final int REMOTE = 1;
    /** {@link #free} outcome: a remote free that saw zero, whose release attempt found it claimed or owned. */
    public static final int REMOTE_ZERO = 2;
    /** {@link #free} outcome: a remote free that saw zero and released the SuperSlab. */
    public static final int REMOTE_RELEASED = 3;

    /**
     * The free of a block whose SuperSlab and slab were looked up and checked: the one routing
     * decision (local if the calling heap has the SuperSlab pinned, else remote), the double-free
     * check, the free itself and, for a remote free that reached zero, the release attempt.
     * Every check happens before any change.
     *
     * @param ownedState the calling heap's OWNED state value ({@link SuperSlab#owned})
     * @return {@link #LOCAL}, {@link #REMOTE}, {@link #REMOTE_ZERO} or {@link #REMOTE_RELEASED}
     * @throws UseAfterReleaseException when the SuperSlab was released under the free
     */
    public final int free(long ownedState, SuperSlab ss, Slab slab, long block) {
        try {
            if (routesLocal(ss, ownedState)) {
                slab.checkAndClearLive(block);
                slab.checkNotLocalHead(block);
                freeLocal(slab, block);
                return LOCAL;
            }
            slab.checkAndClearLive(block);
            if (!freeRemote(slab, block)) {
                return REMOTE;
            }
            return reclaim(ss) ? REMOTE_RELEASED : REMOTE_ZERO;     // I3: only the zero observer tries
        } catch (IllegalStateException e) {
            throw raced(ss, block, e);
        }
    }

    /** A scope error under a free: the SuperSlab was released meanwhile, or it is something else. */
    private static RuntimeException raced(SuperSlab ss, long block, IllegalStateException e) {
        if (ss.memoryAlive()) {
            return e;
        }
        return new UseAfterReleaseException("free of 0x" + Long.toHexString(block) + " raced the release of " + ss
                + ": use after release", e);
    }

    /** The routing rule: local only into a SuperSlab the calling heap has pinned (OWNED by it). */
    protected boolean routesLocal(SuperSlab ss, long ownedState) {
        return ss.state() == ownedState;
    }

    /**
     * The owner's allocation slow path on one slab: drain its remote stack only when no local
     * block is left, then allocate.
     *
     * @return the block, or 0 if the slab is full even after the drain
     */
    public final long drainThenAllocate(Slab slab) {
        if (!slab.hasLocalBlock()) {
            drain(slab);
        }
        return allocate(slab);
    }

    /**
     * Formats an empty slab of a pinned SuperSlab for class {@code cls} (owner).
     *
     * @return false if no block of that class fits the slab
     */
    public boolean format(Slab slab, int cls) {
        return slab.format(cls);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * The reaper's test (any thread): may the heap of {@code owner} be closed for it? Only once the
     * thread has terminated: {@code isAlive()} returning false happens-after everything the thread
     * did, so the reaper then sees the dead owner's plain fields; a live owner's heap is its own.
     */
    public boolean ownerGone(Thread owner) {
        return !owner.isAlive();
    }

    /**
     * The heap {@code heapId} pins one of its IDLE SuperSlabs again before allocating from it:
     * IDLE(heapId) to OWNED(heapId) by CAS (owner's slow path).
     *
     * @return false if the SuperSlab is no longer the heap's (claimed, given back, released)
     */
    public boolean pin(SuperSlab ss, long heapId) {
        return ss.compareAndSetState(SuperSlab.idle(heapId), SuperSlab.owned(heapId));
    }

    /**
     * The owner unpins a SuperSlab that holds none of its current slabs: hand off, write IDLE
     * (which lets the trimmer and zero observers claim it), and release it at once if it is empty.
     *
     * @return true if this call released it
     */
    public final boolean unpin(SuperSlab ss, long heapId) {
        int count = handOff(ss);
        ss.setState(SuperSlab.idle(heapId));
        return (count == 0 || mayHaveReachedZero(ss)) && reclaim(ss);
    }

    /**
     * The owner gives a pinned SuperSlab up for good (its thread exits, its handle is closed, or
     * the reaper acts for its dead thread): hand off, write ABANDONED, then release it if empty,
     * or leave it queued for adopters and the trimmer (I6).
     *
     * @return true if this call released it
     */
    public boolean abandon(SuperSlab ss) {
        handOff(ss);
        ss.setState(SuperSlab.ABANDONED);
        return reclaim(ss);
    }

    /**
     * Releases an IDLE or ABANDONED SuperSlab if it is empty: claim (I5), drain (I6: under
     * decrement-at-drain only a drain brings the count down), check, then release, or give the
     * claim back and re-read the count. Any thread; one CAS when the SuperSlab is pinned or
     * already claimed.
     *
     * @return true if this call released it
     */
    public boolean reclaim(SuperSlab ss) {
        while (ss.tryClaim()) {
            if (releaseIfEmpty(ss)) {
                return true;
            }
            if (!mayHaveReachedZero(ss)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Reclaims the SuperSlab only if its state is exactly {@code expected} (a closing heap's own
     * IDLE SuperSlabs).
     *
     * @return true if this call released it
     */
    public final boolean reclaim(SuperSlab ss, long expected) {
        if (!ss.tryClaim(expected)) {
            return false;
        }
        return releaseIfEmpty(ss) || (mayHaveReachedZero(ss) && reclaim(ss));
    }

    /**
     * Under a claim: drain, then release if the count is zero, else give the claim back.
     *
     * @return true if released
     */
    protected boolean releaseIfEmpty(SuperSlab ss) {
        drainClaimed(ss);
        if (count(ss) == 0) {
            ss.releaseClaimed();
            return true;
        }
        giveBack(ss);
        return false;
    }

    /**
     * Adoption as the heap {@code heapId} does it on its slow path: claim an ABANDONED
     * SuperSlab, drain it, and keep it only if its count says it is at most half full (the count
     * is the only cheap occupancy signal, which is why an inflated count, the seed's bug, turns
     * into a pile of SuperSlabs here as it did in C); otherwise give it back.
     *
     * @return true if the SuperSlab is now OWNED by {@code heapId}
     */
    public boolean adopt(SuperSlab ss, long heapId) {
        if (!ss.tryClaim(SuperSlab.ABANDONED)) {
            return false;                                   // stale: adopted or released meanwhile
        }
        drainClaimed(ss);
        if ((long) count(ss) * 2 > ss.formattedCapacity()) {
            giveBack(ss);
            if (mayHaveReachedZero(ss)) {
                reclaim(ss);
            }
            return false;
        }
        ss.addCurrentSlabs(-ss.currentSlabs());             // the dead owner's current slabs left with it
        if (!ss.compareAndSetState(SuperSlab.CLAIMED, SuperSlab.owned(heapId))) {
            throw new LifecycleViolationException(ss + " adopted while not claimed by the adopter (I5)");
        }
        return true;
    }

    /** Gives a claim back (claimant): hand off, write ABANDONED, queue it for adopters (I6). */
    protected final void giveBack(SuperSlab ss) {
        handOffClaim(ss);
        ss.setState(SuperSlab.ABANDONED);
        ss.home().abandoned(ss);
    }

    /**
     * Drains a SuperSlab this thread has claimed. If the drain fails (a corrupted remote stack
     * after a double free in default mode, an accounting violation), the claim is given back
     * before the exception propagates, so the SuperSlab stays reclaimable by others (I6).
     */
    protected final void drainClaimed(SuperSlab ss) {
        try {
            ss.drainAll();
        } catch (RuntimeException e) {
            giveBack(ss);
            throw e;
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
