package org.slabproof.superslab;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slabproof.AccountingViolationException;
import org.slabproof.LifecycleViolationException;
import org.slabproof.Violation;
import org.slabproof.memory.Region;

/**
 * A SuperSlab: an aligned region cut into slabs, its active-block count
 * ({@code total_active_blocks}) and its lifecycle state.
 *
 * <p>Implementation notes. The lifecycle is one {@link AtomicLong}: a kind in the low bits and,
 * for the two owned kinds, the owning heap's id above them, so that a compare-and-set names the
 * heap as well as the kind (a heap can never re-pin a SuperSlab that meanwhile went to another
 * heap and came back idle: the ids differ).
 * <pre>
 *   OWNED(h)  --unpin (owner h, slow path)-------------------> IDLE(h)
 *   IDLE(h)   --pin (owner h, CAS)---------------------------> OWNED(h)
 *   OWNED(h)  --abandon (owner h exits, or reaper after)-----> ABANDONED
 *   IDLE(h) or ABANDONED --claim (any thread, CAS)------------> CLAIMED
 *   CLAIMED   --adopt (claimant, as heap g)------------------> OWNED(g)
 *   CLAIMED   --give back (claimant)-------------------------> ABANDONED
 *   CLAIMED   --release (claimant, count == 0)---------------> RELEASED (terminal)
 * </pre>
 * Only the owner allocates, only from an OWNED SuperSlab, and only the owner moves OWNED to
 * anything else: a pinned SuperSlab cannot be claimed (I5). A claimant has the SuperSlab to itself
 * (nobody allocates from it, nobody touches its local freelists), so a zero it reads is final and
 * release is always claim, then drain, then check, then release ({@link FreeProtocol#reclaim}).
 *
 * <p>Invariants: I1 on the count as the {@linkplain FreeProtocol protocol} keeps it; I3 through
 * {@link #activeDecrement} (the zero is seen by the one {@code getAndAdd} that returned exactly
 * the amount subtracted); I4 through the shared arena behind {@link #memory()}, closed on release,
 * so that a late touch throws instead of reaching unmapped memory; I5 through the state above.
 * Non-invariants: {@link #publishedCount()} is a hint that may be stale; statistics fields
 * ({@link #drains()}) are read racily by observers.
 */
public final class SuperSlab {
    /** Kind: pinned by its owner heap, which allocates from it and frees into it locally. */
    public static final int OWNED = 0;
    /** Kind: still its owner heap's, but unpinned: the owner does not allocate from it; claimable. */
    public static final int IDLE = 1;
    /** Kind: no owner; waiting for an adopter, the zero transition or the trimmer; claimable. */
    public static final int ABANDONED = 2;
    /** Kind: claimed by one thread (adopter, trimmer, releaser), which has it to itself. */
    public static final int CLAIMED = 3;
    /** Kind: released, memory closed and gone or reserved. Terminal. */
    public static final int RELEASED = 4;
    private static final int KIND_BITS = 3;
    private static final long KIND_MASK = (1 << KIND_BITS) - 1;

    // ---- identity: final ----
    private final long id;                  // sequence number within its allocator, for messages
    private final Geometry geometry;
    private final Region region;            // the raw mapping
    private final long base;                // region.address(), kept here for the free's slab lookup
    private final int lgSlab;               // geometry.lgSlab(), likewise
    private final Arena arena;              // shared arena of this SuperSlab's view; closed on release (I4)
    private final MemorySegment memory;     // the view every block access goes through
    private final Slab[] slabs;
    private final FreeProtocol protocol;    // accounting policy (or a known-bad variant)
    private final SuperSlabHome home;

    // ---- shared: j.u.c.atomic objects rather than VarHandles, so that vmlens (which traces the
    // former, not the latter) can interleave and race-check them ----
    /** Kind and owner heap id, see the class comment. CAS by pinners and claimants. */
    private final AtomicLong state;
    /**
     * Decrement-at-free's {@code total_active_blocks}: live blocks plus the owner's unspent credit
     * (I1). Added to by the owner's credit refills, subtracted from by remote frees and credit
     * returns; unused under decrement-at-drain.
     */
    private final AtomicInteger totalActiveBlocks = new AtomicInteger();
    /**
     * Decrement-at-drain's count as it stood at the last hand-off (unpin, abandon, give-back): a
     * hint for the trimmer, never used to decide a release. Written by the owner or claimant.
     */
    private final AtomicInteger publishedCount = new AtomicInteger();
    /** Set while an entry for it is in the abandoned queue (at most one entry at a time). */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Id of the thread that released it, 0 before (diagnostics). */
    private volatile long releasedByThread;

    // ---- owner-only (or claimant); others read them racily, for statistics only ----
    private int formattedSlabs;             // slabs[0..formattedSlabs) have been handed out at least once
    private int currentSlabs;               // the owner heap's current slabs in this SuperSlab (it is pinned while > 0)
    private long drains;                    // drains of this SuperSlab's slabs that moved blocks
    private long drainedBlocks;             // blocks those drains moved

    /**
     * Builds a SuperSlab over {@code region}, owned and pinned by the heap with id {@code ownerId}
     * ({@code 0}: ABANDONED, for tests that start from an abandoned SuperSlab).
     */
    @SuppressWarnings("restricted")     // the region is this SuperSlab's own mapping, of exactly this size
    public SuperSlab(long id, Geometry geometry, Region region, FreeProtocol protocol, boolean checked,
            long ownerId, SuperSlabHome home) {
        if (region.size() != geometry.superSlabSize()) {
            throw new IllegalArgumentException("region of " + region.size() + " bytes for a SuperSlab of "
                    + geometry.superSlabSize());
        }
        this.id = id;
        this.geometry = geometry;
        this.region = region;
        this.base = region.address();
        this.lgSlab = geometry.lgSlab();
        this.protocol = protocol;
        this.home = home;
        this.arena = Arena.ofShared();
        this.memory = MemorySegment.ofAddress(region.address()).reinterpret(region.size(), arena, null);
        this.slabs = new Slab[geometry.slabCount()];
        for (int i = 0; i < slabs.length; i++) {
            slabs[i] = new Slab(this, i, memory, region.address(), geometry.slabSize(), protocol, checked);
        }
        this.state = new AtomicLong(ownerId == 0 ? ABANDONED : owned(ownerId));
    }

    // ---------------------------------------------------------------- state encoding

    /** The state value "OWNED by heap {@code heapId}". */
    public static long owned(long heapId) {
        return heapId << KIND_BITS | OWNED;
    }

    /** The state value "IDLE, still heap {@code heapId}'s". */
    public static long idle(long heapId) {
        return heapId << KIND_BITS | IDLE;
    }

    /** The kind of a state value. */
    public static int kind(long state) {
        return (int) (state & KIND_MASK);
    }

    /** The heap id in an OWNED or IDLE state value (0 for the other kinds). */
    public static long heapOf(long state) {
        return state >>> KIND_BITS;
    }

    /** A state value in words, e.g. {@code OWNED(3)}, for messages and outcomes. */
    public static String describe(long state) {
        return switch (kind(state)) {
            case OWNED -> "OWNED(" + heapOf(state) + ")";
            case IDLE -> "IDLE(" + heapOf(state) + ")";
            case ABANDONED -> "ABANDONED";
            case CLAIMED -> "CLAIMED";
            case RELEASED -> "RELEASED";
            default -> "?" + state;
        };
    }

    // ---------------------------------------------------------------- lifecycle (I5)

    /** The current state value; any thread, a snapshot. */
    public long state() {
        return state.get();
    }

    /** The current kind; any thread, a snapshot. */
    public int kind() {
        return kind(state.get());
    }

    /**
     * Claims the SuperSlab if it is IDLE or ABANDONED (any thread): the claim of I5.
     *
     * @return true if this call moved it to CLAIMED
     */
    public boolean tryClaim() {
        long s = state.get();
        int k = kind(s);
        return (k == IDLE || k == ABANDONED) && state.compareAndSet(s, CLAIMED);
    }

    /** Claims the SuperSlab only if its state is exactly {@code expected} (any thread). */
    public boolean tryClaim(long expected) {
        return state.compareAndSet(expected, CLAIMED);
    }

    /** Raw state CAS, for the protocol's transitions and for the known-bad variants. */
    public boolean compareAndSetState(long expected, long next) {
        return state.compareAndSet(expected, next);
    }

    /**
     * Writes the state (the owner leaving OWNED, or a claimant leaving CLAIMED). A volatile write:
     * it publishes the writer's plain slab fields to whoever claims or pins next.
     */
    public void setState(long next) {
        state.set(next);
    }

    /**
     * Releases a CLAIMED SuperSlab whose count is zero (claimant only): CLAIMED to RELEASED, close
     * the memory, hand the region home. Exactly once per SuperSlab.
     */
    public void releaseClaimed() {
        if (!state.compareAndSet(CLAIMED, RELEASED)) {
            throw new LifecycleViolationException("SuperSlab #" + id + " released while " + describe(state())
                    + ", not claimed by the releasing thread (I5)");
        }
        releaseMemory();
    }

    /**
     * Closes the memory and tells the home (the thread that moved the state to RELEASED, once).
     * Any access through {@link #memory()} from now on throws {@link IllegalStateException}.
     */
    public void releaseMemory() {
        releasedByThread = Thread.currentThread().threadId();
        closeMemory();
        home.released(this);
    }

    /** Closes the memory view without releasing (allocator shutdown only, at quiescence). */
    public void closeMemory() {
        arena.close();
    }

    /** Marks it queued in the abandoned queue; false if it already was (any thread). */
    public boolean markQueued() {
        return queued.compareAndSet(false, true);
    }

    /** Clears the queued mark (the thread that took its entry off the queue). */
    public void clearQueued() {
        queued.set(false);
    }

    /** Where released and abandoned SuperSlabs go. */
    public SuperSlabHome home() {
        return home;
    }

    // ---------------------------------------------------------------- accounting (I1, I3)

    /** Decrement-at-free's shared count, a snapshot (any thread). */
    public int totalActiveBlocks() {
        return totalActiveBlocks.get();
    }

    /** Adds {@code n} to the shared count (the owner's credit refill). An atomic add, not a CAS. */
    public void activeIncrement(int n) {
        totalActiveBlocks.getAndAdd(n);
    }

    /**
     * Subtracts {@code n} from the shared count (the seed's {@code ss_active_dec_one} for n = 1).
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

    /** The raw shared count, for the known-bad variants that misuse it on purpose. */
    public AtomicInteger totalActiveBlocksCell() {
        return totalActiveBlocks;
    }

    /** Decrement-at-drain's count as last published at a hand-off; a hint (any thread). */
    public int publishedCount() {
        return publishedCount.get();
    }

    /** Publishes the count at a hand-off (owner or claimant, before its state write). */
    public void publishCount(int count) {
        publishedCount.set(count);
    }

    // ---------------------------------------------------------------- slabs

    /** The slab holding {@code address} (any thread; the address must lie in this SuperSlab). */
    public Slab slabOf(long address) {
        return slabs[(int) ((address - base) >>> lgSlab)];
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

    /** The owner heap's current slabs in this SuperSlab (owner only). */
    public int currentSlabs() {
        return currentSlabs;
    }

    /** One more (+1) or one fewer (-1) of the owner's current slabs is in this SuperSlab (owner only). */
    public int addCurrentSlabs(int delta) {
        return currentSlabs += delta;
    }

    /** Drains every used slab's remote stack (owner or claimant), accounting per the protocol. */
    public int drainAll() {
        int moved = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            moved += protocol.drain(slabs[i]);
        }
        return moved;
    }

    /** Sum over used slabs of live plus remote-pending blocks (owner or claimant). */
    public int usedBlocks() {
        int used = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            used += slabs[i].used();
        }
        return used;
    }

    /** Sum over used slabs of the owner's unspent credit (owner or claimant). */
    public int credit() {
        int credit = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            credit += protocol.credit(slabs[i]);
        }
        return credit;
    }

    /** Sum over all slabs of the remote counts (any thread; atomics only, so safe while others work). */
    public int remotePending() {
        int pending = 0;
        for (Slab s : slabs) {
            pending += s.remote().count();
        }
        return pending;
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

    /** Sum of the capacities of the used slabs (owner or claimant): the adoption rule's scale. */
    public int formattedCapacity() {
        int capacity = 0;
        for (int i = 0; i < formattedSlabs; i++) {
            capacity += slabs[i].capacity();
        }
        return capacity;
    }

    /**
     * Checks what the SuperSlab can check alone at a quiescent point: I2 on every slab, and I1 as
     * the protocol states it for the blocks the slabs say are live.
     *
     * @return null if they hold, otherwise the first violation found
     */
    public Violation validate() {
        for (int i = 0; i < formattedSlabs; i++) {
            Violation v = slabs[i].validate();
            if (v != null) {
                return new Violation(v.invariant(), "SuperSlab #" + id + ", " + v.what());
            }
        }
        Violation v = protocol.validateCount(this);
        return v == null ? null : new Violation(v.invariant(), "SuperSlab #" + id + ": " + v.what());
    }

    // ---------------------------------------------------------------- identity

    /** Sequence number within its allocator. */
    public long id() {
        return id;
    }

    /** Address of the first byte. */
    public long base() {
        return base;
    }

    /** True if {@code address} lies inside this SuperSlab. */
    public boolean contains(long address) {
        return address - base >= 0 && address - base < region.size();
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

    /** True until the SuperSlab's memory was closed (by its release, or allocator shutdown). */
    public boolean memoryAlive() {
        return memory.scope().isAlive();
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
        return "SuperSlab#" + id + "[" + describe(state()) + "]";
    }
}
