package org.slabproof.superslab;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.AccountingViolationException;
import org.slabproof.memory.Region;

/**
 * A SuperSlab: an aligned region cut into slabs, its active-block count
 * ({@code total_active_blocks}) and its lifecycle state.
 *
 * <p>Implementation notes. Lifecycle ({@link #state()}):
 * <pre>
 *   OWNED --abandon (owner, or the reaper for a dead owner)--> ABANDONED
 *   ABANDONED --tryClaim (CAS)--> CLAIMED --adopt--> OWNED
 *                                 CLAIMED --unclaim--> ABANDONED
 *                                 CLAIMED --releaseClaimed (count == 0)--> RELEASED (terminal)
 * </pre>
 * Only the owner allocates, and only from an OWNED SuperSlab; so once a thread wins the CAS to
 * CLAIMED, nobody can raise the count and a zero it then reads is final (I5). Releasing is
 * therefore always claim, then check, then release ({@link FreeProtocol#reclaim}).
 *
 * <p>Invariants: I1 on {@code totalActiveBlocks} (never negative: a decrement below zero is
 * undone and reported); I3 via {@link #activeDecrement} (the zero is seen by the one
 * {@code getAndAdd} that returned exactly the amount subtracted); I4 via the shared arena behind
 * {@link #memory()}, closed on release, so a late touch throws instead of reaching unmapped
 * memory. Non-invariants: {@code owner} may be stale for a thread that reads it concurrently
 * with an abandon; it is used only to choose between a local and a remote free, and either
 * choice is correct for a thread that is not the owner.
 */
public final class SuperSlab {
    /** Allocated from by its owner. */
    public static final int OWNED = 0;
    /** No owner: waiting for adoption, the zero transition or the trimmer. */
    public static final int ABANDONED = 1;
    /** Claimed by one thread (adopter, trimmer, releaser); nobody allocates. */
    public static final int CLAIMED = 2;
    /** Released: memory closed and gone or reserved. Terminal. */
    public static final int RELEASED = 3;

    // ---- identity: final ----
    private final long id;                  // sequence number within its allocator, for messages
    private final Geometry geometry;
    private final Region region;            // the raw mapping
    private final Arena arena;              // shared arena of this SuperSlab's view; closed on release (I4)
    private final MemorySegment memory;     // the view every block access goes through
    private final Slab[] slabs;
    private final FreeProtocol protocol;    // accounting policy (or a known-bad variant)
    private final ReleaseSink sink;

    // ---- shared: atomics (j.u.c.atomic objects rather than VarHandles so that vmlens, which
    // traces the former and not the latter, can interleave and race-check them) ----
    private final AtomicInteger totalActiveBlocks = new AtomicInteger(); // I1: live blocks (+ remote-pending under decrement-at-drain)
    private final AtomicInteger state;      // OWNED / ABANDONED / CLAIMED / RELEASED
    private volatile Object owner;          // the owning heap while OWNED, else null; written by owner, adopter, reaper
    private volatile long releasedByThread; // id of the thread that released it, 0 before (diagnostics)

    // ---- owner-only (or claimant); others read them racily, for statistics only ----
    private int formattedSlabs;             // slabs[0..formattedSlabs) have been handed out at least once
    private long drains;                    // drains of this SuperSlab's slabs that moved blocks
    private long drainedBlocks;             // blocks those drains moved

    /**
     * Builds a SuperSlab over {@code region}, owned by {@code owner} (or ABANDONED when owner is
     * null, for tests that start from an abandoned SuperSlab).
     */
    public SuperSlab(long id, Geometry geometry, Region region, FreeProtocol protocol, boolean checked,
            Object owner, ReleaseSink sink) {
        if (region.size() != geometry.superSlabSize()) {
            throw new IllegalArgumentException("region of " + region.size() + " bytes for a SuperSlab of "
                    + geometry.superSlabSize());
        }
        this.id = id;
        this.geometry = geometry;
        this.region = region;
        this.protocol = protocol;
        this.sink = sink;
        this.arena = Arena.ofShared();
        this.memory = MemorySegment.ofAddress(region.address()).reinterpret(region.size(), arena, null);
        this.slabs = new Slab[geometry.slabCount()];
        for (int i = 0; i < slabs.length; i++) {
            slabs[i] = new Slab(this, i, memory, region.address(), geometry.slabSize(), protocol, checked);
        }
        this.owner = owner;
        this.state = new AtomicInteger(owner == null ? ABANDONED : OWNED);
    }

    // ---------------------------------------------------------------- accounting (I1, I3)

    /** Live-block count ({@code total_active_blocks}); any thread, a snapshot. */
    public int activeBlocks() {
        return totalActiveBlocks.get();
    }

    /** One more live block (owner, before handing the block out). An atomic add, not a CAS. */
    void activeIncrement() {
        totalActiveBlocks.getAndAdd(1);
    }

    /**
     * Subtracts {@code n} (the seed's {@code ss_active_dec_one} for n = 1).
     *
     * @return true for exactly one caller per transition to zero (I3): the one whose
     *         {@code getAndAdd} found exactly {@code n}
     * @throws AccountingViolationException if the count would go below zero (undone first)
     */
    public boolean activeDecrement(int n) {
        int before = totalActiveBlocks.getAndAdd(-n);
        if (before < n) {
            totalActiveBlocks.getAndAdd(n);
            throw new AccountingViolationException("SuperSlab #" + id + ": totalActiveBlocks " + before + " - " + n
                    + " would go below zero (I1)");
        }
        return before == n;
    }

    // ---------------------------------------------------------------- lifecycle (I5)

    /** Current lifecycle state; any thread, a snapshot. */
    public int state() {
        return state.get();
    }

    /** The owning heap while OWNED (null otherwise); any thread, a snapshot. */
    public Object owner() {
        return owner;
    }

    /**
     * Gives up ownership (owner, or the reaper once the owner thread is dead). The volatile write
     * of {@code state} publishes the owner's plain slab fields to whoever claims it next.
     */
    public void abandon() {
        owner = null;
        state.set(ABANDONED);
    }

    /** ABANDONED to CLAIMED by CAS (any thread): the claim of I5. */
    public boolean tryClaim() {
        return state.compareAndSet(ABANDONED, CLAIMED);
    }

    /**
     * CLAIMED to OWNED by {@code newOwner} (claimant only). A CAS rather than a write, so that a
     * protocol bug that released the SuperSlab under the claim fails here, at once.
     */
    public void adopt(Object newOwner) {
        owner = newOwner;
        if (!state.compareAndSet(CLAIMED, OWNED)) {
            owner = null;
            throw new IllegalStateException("SuperSlab #" + id + " adopted while not claimed, state=" + state());
        }
    }

    /** CLAIMED back to ABANDONED (claimant only). The caller must then re-read the count. */
    public void unclaim() {
        state.set(ABANDONED);
    }

    /**
     * Raw state CAS, for the release paths of the protocol and its known-bad variants (which
     * release without a claim on purpose). Any thread.
     */
    public boolean compareAndSetState(int expected, int next) {
        return state.compareAndSet(expected, next);
    }

    /**
     * Releases a CLAIMED SuperSlab whose count is zero (claimant only): CLAIMED to RELEASED, then
     * close the memory and hand the region to the sink. Exactly once per SuperSlab.
     */
    public void releaseClaimed() {
        if (!state.compareAndSet(CLAIMED, RELEASED)) {
            throw new IllegalStateException("SuperSlab #" + id + " released while not claimed, state=" + state());
        }
        releaseMemory();
    }

    /**
     * Closes the memory and calls the sink (the thread that moved the state to RELEASED, once).
     * Any access through {@link #memory()} from now on throws {@link IllegalStateException}.
     */
    public void releaseMemory() {
        releasedByThread = Thread.currentThread().threadId();
        closeMemory();
        sink.released(this);
    }

    /** Closes the memory view without releasing (allocator shutdown only, at quiescence). */
    public void closeMemory() {
        arena.close();
    }

    // ---------------------------------------------------------------- slabs

    /** The slab holding {@code address} (any thread; the address must lie in this SuperSlab). */
    public Slab slabOf(long address) {
        return slabs[(int) ((address - region.address()) >>> geometry.lgSlab())];
    }

    /** Slab {@code i}. */
    public Slab slab(int i) {
        return slabs[i];
    }

    /** Number of slabs. */
    public int slabCount() {
        return slabs.length;
    }

    /** Next never-used slab, or null when all were used once (owner only). */
    public Slab takeFreshSlab() {
        return formattedSlabs < slabs.length ? slabs[formattedSlabs++] : null;
    }

    /** Slabs handed out at least once: slab(0..formattedSlabs()-1) (owner or claimant). */
    public int formattedSlabs() {
        return formattedSlabs;
    }

    /** Drains every used slab's remote stack (owner or claimant), accounting per the protocol. */
    public int drainAll() {
        int moved = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            moved += protocol.drain(slabs[i]);
        }
        return moved;
    }

    /** Records a drain that moved {@code n} blocks (owner or claimant; called by {@link Slab}). */
    void recordDrain(int n) {
        drains++;
        drainedBlocks += n;
    }

    /** Drains that moved blocks, by whoever drained (a racy read unless owner or claimant). */
    public long drains() {
        return drains;
    }

    /** Blocks moved by drains (a racy read unless owner or claimant). */
    public long drainedBlocks() {
        return drainedBlocks;
    }

    /** Sum of the capacities of the used slabs (owner or claimant): the adoption heuristic's scale. */
    public int formattedCapacity() {
        int capacity = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            capacity += slabs[i].capacity();
        }
        return capacity;
    }

    /**
     * Checks I1 and I2 at a quiescent point: every slab's equation holds and the count equals the
     * blocks in use (under decrement-at-free minus those pending on remote stacks).
     *
     * @return null if they hold, otherwise what is wrong
     */
    public String validate() {
        int inUse = 0;
        int pending = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            String problem = slabs[i].validate();
            if (problem != null) {
                return "SuperSlab #" + id + ": " + problem;
            }
            inUse += slabs[i].used();
            pending += slabs[i].remote().count();
        }
        int expected = protocol.policy().countsRemotePending() ? inUse : inUse - pending;
        int actual = activeBlocks();
        return actual == expected ? null
                : "SuperSlab #" + id + ": totalActiveBlocks=" + actual + " but " + expected + " blocks are "
                        + (protocol.policy().countsRemotePending() ? "live or remote-pending" : "live") + " (I1)";
    }

    // ---------------------------------------------------------------- identity

    /** Sequence number within its allocator. */
    public long id() {
        return id;
    }

    /** Address of the first byte. */
    public long base() {
        return region.address();
    }

    /** The geometry. */
    public Geometry geometry() {
        return geometry;
    }

    /** The raw region. */
    public Region region() {
        return region;
    }

    /** The memory view (closed after release). */
    public MemorySegment memory() {
        return memory;
    }

    /** The accounting protocol in force. */
    public FreeProtocol protocol() {
        return protocol;
    }

    /** Id of the thread that released this SuperSlab, 0 while not released. */
    public long releasedByThread() {
        return releasedByThread;
    }

    @Override
    public String toString() {
        return "SuperSlab#" + id + "@0x" + Long.toHexString(base()) + "[state=" + state() + ", active="
                + activeBlocks() + "]";
    }
}
