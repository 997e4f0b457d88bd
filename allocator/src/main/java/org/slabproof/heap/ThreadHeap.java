package org.slabproof.heap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slabproof.InvalidSizeException;
import org.slabproof.pool.SuperSlabRegistry;
import org.slabproof.stats.HeapCounters;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SizeClasses;
import org.slabproof.superslab.Slab;
import org.slabproof.superslab.SuperSlab;

/**
 * One thread's heap (the seed's TLS slab cache): the SuperSlabs it owns, its current slab per size
 * class, and its counters. {@link #malloc} and {@link #free} may be called only by the thread the
 * heap belongs to (one thread at a time); {@link #close} by that thread, or by the reaper once the
 * thread is dead.
 *
 * <p>Implementation notes. This class decides <i>which</i> slab and SuperSlab to use; every step
 * that races with another thread is a {@link FreeProtocol} method. Fast paths: malloc takes a
 * block of the current slab ({@link FreeProtocol#allocate}); free looks the SuperSlab up and lets
 * {@link FreeProtocol#free} route it, local into a SuperSlab this heap has pinned, remote
 * otherwise. Neither takes a lock, a CAS or (under both correct policies) any atomic step.
 *
 * <p>Pinning. A SuperSlab is OWNED (pinned) by this heap exactly while it holds one of the heap's
 * current slabs ({@link SuperSlab#currentSlabs()} &gt; 0); when the last current slab leaves it,
 * the heap unpins it ({@link FreeProtocol#unpin}): it stays the heap's, but IDLE, so that the
 * trimmer may drain and release it while the heap is alive and idle (I6), without any write on
 * the fast path. Before allocating from an IDLE SuperSlab again the heap pins it back by CAS
 * ({@link FreeProtocol#pin}); if that fails, somebody claimed it and the heap forgets it.
 *
 * <p>Slow path, in order: drain the current slab; the class's refilled slabs; other slabs of the
 * class, in pinned SuperSlabs, then in IDLE ones (pinning them); a fresh or empty slab, in pinned
 * SuperSlabs, then in IDLE ones; adopt an abandoned SuperSlab ({@link FreeProtocol#adopt}); map a
 * new one.
 *
 * <p>Refilled slabs (mimalloc's full-page queue, kept the other way round). A slab the slow path
 * finds without a block is marked {@link Slab#waiting() waiting}; the owner's next local free into
 * it clears the mark and queues the slab for its class, one test of a flag on the free path. The
 * slow path takes queued slabs first, oldest first, so it neither rescans slabs it knows are
 * exhausted nor keeps returning to the first slab of the list that has a block or two: under
 * Larson the scan made one malloc in seven take the slow path, the queue one in 37. The queue is
 * a hint only: the scans behind it still find every block, including those that only a drain
 * brings back, so nothing depends on it for I6.
 */
public final class ThreadHeap {
    private final HeapEnvironment env;
    private final FreeProtocol protocol;          // env.protocol(), kept in a final field for the fast path
    private final SuperSlabRegistry registry;     // address to SuperSlab, for free
    private final Thread thread;                  // the owner thread (its death triggers reaping)
    private final long id;                        // this heap's id in SuperSlab states
    private final long ownedState;                // SuperSlab.owned(id): the routing test's constant
    private final long idleState;                 // SuperSlab.idle(id)
    private final AtomicBoolean closed = new AtomicBoolean();  // set once, by close (owner or reaper)

    // ---- owner-only ----
    private final Slab[] current = new Slab[SizeClasses.COUNT];        // slab allocated from, per class; in OWNED SuperSlabs only
    @SuppressWarnings("unchecked")
    private final List<Slab>[] slabsByClass = new List[SizeClasses.COUNT];  // formatted slabs of the SuperSlabs in `owned`,
                                                                             // per class; a list only once a class is used
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Slab>[] refilled = new ArrayDeque[SizeClasses.COUNT];  // per class: slabs that got a local free
                                                                                   // while waiting, oldest first; entries may be stale
    private final List<SuperSlab> owned = new ArrayList<>();          // OWNED(id) or IDLE(id) SuperSlabs (an IDLE one may be lost since)
    private final HeapCounters counters = new HeapCounters();

    ThreadHeap(HeapEnvironment env, Thread thread) {
        this.env = env;
        this.protocol = env.protocol();
        this.registry = env.pool().registry();
        this.thread = thread;
        this.id = env.heapIds().incrementAndGet();
        this.ownedState = SuperSlab.owned(id);
        this.idleState = SuperSlab.idle(id);
    }

    /** Creates a heap owned by {@code thread} and registers it for reaping. */
    public static ThreadHeap open(HeapEnvironment env, Thread thread) {
        ThreadHeap heap = new ThreadHeap(env, thread);
        env.heaps().add(heap);
        return heap;
    }

    /**
     * Allocates a block of at least {@code size} bytes (owner only).
     *
     * @return its absolute address
     */
    public long malloc(long size) {
        int cls = SizeClasses.classOf(size);
        Slab slab = current[cls];
        if (slab != null) {
            long block = protocol.allocate(slab);
            if (block != 0) {
                counters.mallocs++;
                return block;
            }
        }
        return mallocSlow(cls);
    }

    /**
     * Frees a block (the heap's thread): local into a SuperSlab this heap has pinned, remote into
     * any other. Address 0 is a no-op. Every check happens before any change.
     *
     * @return what happened, as {@link FreeProtocol#free} says ({@link FreeProtocol#LOCAL} for 0)
     */
    public int free(long address) {
        if (address == 0) {
            return FreeProtocol.LOCAL;
        }
        SuperSlab ss = registry.superSlabOf(address);
        Slab slab = ss.slabOf(address);
        slab.checkBlock(address);
        int outcome = protocol.free(ownedState, ss, slab, address);
        if (outcome == FreeProtocol.LOCAL) {
            counters.localFrees++;
            if (slab.waiting()) {
                refill(slab);
            }
        } else {
            counters.remoteFrees++;
        }
        return outcome;
    }

    private long mallocSlow(int cls) {
        if (closed.get()) {
            throw new IllegalStateException("heap of " + thread + " is closed");
        }
        Slab cur = current[cls];
        long block = 0;
        if (cur != null) {
            block = protocol.drainThenAllocate(cur);
            if (block == 0) {
                cur.setWaiting(true);
            }
        }
        if (block == 0) {
            block = fromRefilled(cls, cur);
        }
        if (block == 0) {
            block = fromOtherSlab(cls, cur, false);
        }
        if (block == 0) {
            block = fromOtherSlab(cls, cur, true);
        }
        if (block == 0) {
            block = fromSlab(cls, reusableSlab(false));
        }
        if (block == 0) {
            block = fromSlab(cls, reusableSlab(true));
        }
        if (block == 0) {
            block = fromSlab(cls, adoptSlab(cls));
        }
        if (block == 0) {
            SuperSlab ss = env.pool().acquire(id);
            owned.add(ss);
            block = fromSlab(cls, ss.takeFreshSlab());
        }
        counters.mallocs++;
        counters.slowMallocs++;
        return block;
    }

    /**
     * Another slab of the class with a block: in pinned SuperSlabs, or ({@code idle}) in IDLE
     * ones, which are pinned first and unpinned again if they had nothing.
     *
     * @return the block (its slab is now current), or 0
     */
    private long fromOtherSlab(int cls, Slab cur, boolean idle) {
        List<Slab> slabs = slabsOf(cls);
        for (int i = 0; i < slabs.size(); i++) {
            Slab slab = slabs.get(i);
            SuperSlab ss = slab.superSlab();
            if (slab == cur || (ss.state() == ownedState) == idle) {
                continue;
            }
            if (idle && !pin(ss)) {
                i = -1;                                 // it was lost and forgotten: the list changed
                continue;
            }
            long block = allocateOrWait(cls, slab, idle);
            if (block != 0) {
                return block;
            }
        }
        return 0;
    }

    /**
     * The class's refilled slabs, oldest first, each taken off the queue. A stale entry is dropped:
     * its SuperSlab is no longer this heap's (lost while IDLE, not yet forgotten; then unread), or
     * the slab is current, or serves another class now.
     *
     * @return the block (its slab is now current), or 0 with the queue empty
     */
    private long fromRefilled(int cls, Slab cur) {
        ArrayDeque<Slab> queue = refilled[cls];
        if (queue == null) {
            return 0;
        }
        for (Slab slab; (slab = queue.poll()) != null; ) {
            SuperSlab ss = slab.superSlab();
            long state = ss.state();                    // first: the slab's plain fields are this heap's only if it holds ss
            boolean idle = state == idleState;
            if ((state != ownedState && !idle) || slab == cur || slab.sizeClass() != cls) {
                continue;
            }
            if (idle && !pin(ss)) {
                continue;
            }
            long block = allocateOrWait(cls, slab, idle);
            if (block != 0) {
                return block;
            }
        }
        return 0;
    }

    /**
     * Allocates from another slab of the class in a pinned SuperSlab ({@code pinnedHere}: pinned
     * by the caller, from IDLE) and makes it current; a slab without a block is marked waiting,
     * and a SuperSlab pinned for nothing is unpinned again.
     *
     * @return the block, or 0
     */
    private long allocateOrWait(int cls, Slab slab, boolean pinnedHere) {
        long block = protocol.drainThenAllocate(slab);
        if (block != 0) {
            makeCurrent(cls, slab);
            return block;
        }
        slab.setWaiting(true);
        if (pinnedHere) {
            unpinIfUnused(slab.superSlab());
        }
        return 0;
    }

    /** Queues a waiting slab that a local free just gave a block (owner, on the free path). */
    private void refill(Slab slab) {
        slab.setWaiting(false);
        int cls = slab.sizeClass();
        ArrayDeque<Slab> queue = refilled[cls];
        if (queue == null) {
            queue = refilled[cls] = new ArrayDeque<>();
        }
        queue.add(slab);
    }

    /** Takes a slab off its class's refilled queue, if it is there (owner; it changes class or is forgotten). */
    private void unqueue(Slab slab, int cls) {
        ArrayDeque<Slab> queue = refilled[cls];
        if (queue != null) {
            queue.remove(slab);
        }
    }

    /**
     * Makes a slab of a pinned SuperSlab current for {@code cls}, formatting it first if it serves
     * another class (it is then empty), and allocates from it.
     *
     * @return the block, or 0 when {@code slab} is null
     */
    private long fromSlab(int cls, Slab slab) {
        if (slab == null) {
            return 0;
        }
        if (slab.sizeClass() != cls) {
            reformat(slab, cls);
        }
        makeCurrent(cls, slab);
        return protocol.allocate(slab);
    }

    /**
     * A never-used slab of an owned SuperSlab, else one with no block in use, in pinned
     * SuperSlabs or ({@code idle}) in IDLE ones, pinned first.
     */
    private Slab reusableSlab(boolean idle) {
        for (int n = 0; n < owned.size(); n++) {
            SuperSlab ss = owned.get(n);
            if ((ss.state() == ownedState) == idle) {
                continue;
            }
            if (idle && !pin(ss)) {
                n--;                                    // forgotten: the list shifted
                continue;
            }
            Slab fresh = ss.takeFreshSlab();
            if (fresh != null) {
                return fresh;
            }
            for (int i = 0; i < ss.formattedSlabs(); i++) {
                Slab slab = ss.slab(i);
                if (slab.used() != 0 && !slab.remote().isEmpty()) {
                    protocol.drain(slab);
                }
                if (slab.used() == 0) {
                    return slab;
                }
            }
            if (idle) {
                unpinIfUnused(ss);
            }
        }
        return null;
    }

    /**
     * Adopts an abandoned SuperSlab (I6; the occupancy rule is {@link FreeProtocol#adopt}'s).
     *
     * @return a slab of the adopted SuperSlab with a block of class {@code cls}, else a fresh or
     *         empty slab of it, else null (nothing adopted that serves the class)
     */
    private Slab adoptSlab(int cls) {
        env.heaps().reapDead(protocol);
        for (int attempt = 0; attempt < env.adoptionAttempts(); attempt++) {
            SuperSlab ss = env.pool().abandonedQueue().poll();
            if (ss == null) {
                return null;
            }
            if (!protocol.adopt(ss, id)) {
                continue;
            }
            owned.add(ss);
            counters.adoptions++;
            Slab match = null;
            Slab empty = null;
            for (int i = 0; i < ss.formattedSlabs(); i++) {
                Slab slab = ss.slab(i);
                slabsOf(slab.sizeClass()).add(slab);
                if (match == null && slab.sizeClass() == cls && slab.hasLocalBlock()) {
                    match = slab;
                } else if (empty == null && slab.used() == 0) {
                    empty = slab;
                }
            }
            Slab usable = match != null ? match : empty != null ? empty : ss.takeFreshSlab();
            if (usable != null) {
                return usable;
            }
            unpinIfUnused(ss);                          // nothing for this class now; keep it, idle
        }
        return null;
    }

    /** Formats an empty slab for {@code cls}, taking it out of its old class's bookkeeping. */
    private void reformat(Slab slab, int cls) {
        int old = slab.sizeClass();
        if (old >= 0) {
            slabsOf(old).remove(slab);
            unqueue(slab, old);
            if (current[old] == slab) {
                current[old] = null;
                slab.superSlab().addCurrentSlabs(-1);   // pinned still: it becomes current again below
            }
        }
        if (!protocol.format(slab, cls)) {
            throw new InvalidSizeException("size class " + SizeClasses.sizeOf(cls) + " does not fit a slab of "
                    + slab.superSlab().geometry().slabSize() + " bytes");
        }
        slabsOf(cls).add(slab);
    }

    /** Makes {@code slab} (of a pinned SuperSlab) current for {@code cls}; unpins what no current slab holds. */
    private void makeCurrent(int cls, Slab slab) {
        Slab old = current[cls];
        current[cls] = slab;
        slab.superSlab().addCurrentSlabs(1);
        if (old != null) {
            unpinIfUnused(old.superSlab(), -1);
        }
    }

    private void unpinIfUnused(SuperSlab ss) {
        unpinIfUnused(ss, 0);
    }

    private void unpinIfUnused(SuperSlab ss, int delta) {
        if (ss.addCurrentSlabs(delta) == 0 && ss.state() == ownedState && protocol.unpin(ss, id)) {
            forget(ss);                                 // it was empty: released at once
        }
    }

    /** The formatted slabs of class {@code cls} in this heap's SuperSlabs (created on first use). */
    private List<Slab> slabsOf(int cls) {
        List<Slab> slabs = slabsByClass[cls];
        if (slabs == null) {
            slabs = slabsByClass[cls] = new ArrayList<>();
        }
        return slabs;
    }

    /** Pins one of this heap's IDLE SuperSlabs; forgets it if it was claimed meanwhile. */
    private boolean pin(SuperSlab ss) {
        if (protocol.pin(ss, id)) {
            return true;
        }
        forget(ss);
        return false;
    }

    /** Forgets a SuperSlab and its slabs (owner only). */
    private void forget(SuperSlab ss) {
        owned.remove(ss);
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            Slab slab = ss.slab(i);
            int cls = slab.sizeClass();
            if (cls >= 0) {
                slabsOf(cls).remove(slab);
                unqueue(slab, cls);
                if (current[cls] == slab) {
                    current[cls] = null;
                }
            }
        }
    }

    /**
     * Gives up every SuperSlab of this heap (owner, or the reaper after the owner died; once):
     * each pinned one is abandoned ({@link FreeProtocol#abandon}: released at once if empty, else
     * queued for adopters), each IDLE one still this heap's is reclaimed or given back.
     *
     * @return true for the call that closed it
     */
    public boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        RuntimeException first = null;
        for (SuperSlab ss : owned) {
            try {
                long state = ss.state();
                if (state == ownedState) {
                    protocol.abandon(ss);
                } else if (state == idleState) {
                    protocol.reclaim(ss, idleState);
                }
            } catch (RuntimeException e) {          // e.g. a corrupted stack: the others must still go (I6)
                if (first == null) {
                    first = e;
                }
            }
        }
        owned.clear();
        Arrays.fill(current, null);
        Arrays.fill(slabsByClass, null);
        Arrays.fill(refilled, null);
        env.heaps().remove(this);
        env.counters().retire(counters);
        env.counters().heapsAbandoned.increment();
        if (first != null) {
            throw first;
        }
        return true;
    }

    /** Entries in the refilled queue of size class {@code cls} (owner only; for tests and diagnostics). */
    int refilledQueued(int cls) {
        ArrayDeque<Slab> queue = refilled[cls];
        return queue == null ? 0 : queue.size();
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed.get();
    }

    /** The thread this heap belongs to. */
    public Thread thread() {
        return thread;
    }

    /** This heap's id, as it appears in the states of the SuperSlabs it owns. */
    public long id() {
        return id;
    }

    /** True if this heap has {@code ss} pinned (OWNED), i.e. frees into it are local. */
    public boolean hasPinned(SuperSlab ss) {
        return ss.state() == ownedState;
    }

    /** This heap's counters (owner-written; see {@link HeapCounters}). */
    public HeapCounters counters() {
        return counters;
    }

    /** SuperSlabs this heap holds, pinned or idle (a copy; owner only). */
    public List<SuperSlab> ownedSuperSlabs() {
        return List.copyOf(owned);
    }
}
