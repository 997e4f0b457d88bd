package org.slabproof.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slabproof.InvalidSizeException;
import org.slabproof.UseAfterReleaseException;
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
 * <p>Implementation notes. Fast paths: malloc pops the current slab's local freelist or carves;
 * a free of a block whose SuperSlab this heap owns goes onto the local freelist. Neither takes a
 * lock or does a CAS; each does one atomic add on the SuperSlab count. Slow path, in order:
 * drain the current slab's remote stack; drain and try the other slabs of the class; take a
 * fresh (or empty) slab of an owned SuperSlab; adopt an abandoned SuperSlab; map a new one.
 *
 * <p>Adoption claims, drains, and keeps a SuperSlab only when its count says it is at most half
 * full: the count is the only cheap occupancy signal, which is exactly why an inflated count (the
 * seed's bug) turns into a pile of SuperSlabs here as it did in C. A rejected one goes back to the
 * abandoned queue for the zero transition or the trimmer.
 */
public final class ThreadHeap {
    private final HeapEnvironment env;
    private final FreeProtocol protocol;          // env.protocol(), kept in a final field for the fast path
    private final Thread thread;                  // the owner thread (its death triggers reaping)
    private final AtomicBoolean closed = new AtomicBoolean();  // set once, by close (owner or reaper)

    // ---- owner-only ----
    private final Slab[] current = new Slab[SizeClasses.COUNT];        // slab allocated from, per class
    private final List<List<Slab>> slabsByClass = new ArrayList<>();  // every owned formatted slab, per class
    private final List<SuperSlab> owned = new ArrayList<>();          // SuperSlabs this heap owns
    private final HeapCounters counters = new HeapCounters();

    ThreadHeap(HeapEnvironment env, Thread thread) {
        this.env = env;
        this.protocol = env.protocol();
        this.thread = thread;
        for (int i = 0; i < SizeClasses.COUNT; i++) {
            slabsByClass.add(new ArrayList<>());
        }
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
            long block = slab.allocate();
            if (block != 0) {
                counters.mallocs++;
                return block;
            }
        }
        return mallocSlow(cls);
    }

    /**
     * Frees a block (the heap's thread). A block of a SuperSlab this heap owns is a local free;
     * any other is a remote free onto its slab's remote stack. Address 0 is a no-op. Every check
     * happens before any change.
     */
    public void free(long address) {
        if (address == 0) {
            return;
        }
        SuperSlab ss = env.pool().registry().superSlabOf(address);
        Slab slab = ss.slabOf(address);
        slab.checkBlock(address);
        if (ss.owner() == this) {
            slab.checkAndClearLive(address);
            boolean zero = protocol.freeLocal(slab, address);
            counters.localFrees++;
            if (zero) {
                onLocalZero(ss);
            }
        } else {
            freeRemote(ss, slab, address);
        }
    }

    private void freeRemote(SuperSlab ss, Slab slab, long block) {
        boolean zero;
        try {
            slab.checkAndClearLive(block);
            zero = protocol.freeRemote(slab, block);
        } catch (IllegalStateException e) {
            if (ss.memory().scope().isAlive()) {
                throw e;
            }
            throw new UseAfterReleaseException("free of 0x" + Long.toHexString(block) + " raced the release of "
                    + ss + ": use after release", e);
        }
        counters.remoteFrees++;
        if (zero && protocol.reclaim(ss)) {                 // I3: only the zero observer tries
            env.counters().zeroTransitionReleases.increment();
        }
    }

    /** The owner's own free emptied a SuperSlab: keep one, give the others back. */
    private void onLocalZero(SuperSlab ss) {
        if (owned.size() > 1) {
            detach(ss);
            ss.abandon();
            if (!protocol.reclaim(ss)) {
                env.abandoned().offer(ss);
            }
        }
    }

    private long mallocSlow(int cls) {
        if (closed.get()) {
            throw new IllegalStateException("heap of " + thread + " is closed");
        }
        Slab cur = current[cls];
        if (cur != null) {
            long block = drainAndAllocate(cur);
            if (block != 0) {
                return block;
            }
        }
        List<Slab> slabs = slabsByClass.get(cls);
        for (int i = 0; i < slabs.size(); i++) {
            Slab slab = slabs.get(i);
            if (slab != cur) {
                long block = drainAndAllocate(slab);
                if (block != 0) {
                    current[cls] = slab;
                    return block;
                }
            }
        }
        Slab fresh = reusableSlab();
        if (fresh == null) {
            fresh = adoptSlab(cls);
            if (fresh != null && fresh.sizeClass() == cls) {
                return allocateFrom(fresh, cls);
            }
        }
        if (fresh == null) {
            SuperSlab ss = env.pool().acquire(this);
            owned.add(ss);
            fresh = ss.takeFreshSlab();
        }
        if (fresh.sizeClass() >= 0) {
            slabsByClass.get(fresh.sizeClass()).remove(fresh);
            if (current[fresh.sizeClass()] == fresh) {
                current[fresh.sizeClass()] = null;
            }
        }
        if (!fresh.format(cls)) {
            throw new InvalidSizeException("size class " + SizeClasses.sizeOf(cls) + " does not fit a slab of "
                    + fresh.superSlab().geometry().slabSize() + " bytes");
        }
        slabs.add(fresh);
        return allocateFrom(fresh, cls);
    }

    private long allocateFrom(Slab slab, int cls) {
        current[cls] = slab;
        counters.mallocs++;
        return slab.allocate();
    }

    private long drainAndAllocate(Slab slab) {
        if (!slab.hasLocalBlock()) {
            protocol.drain(slab);                       // counted by the SuperSlab
        }
        long block = slab.allocate();
        if (block != 0) {
            counters.mallocs++;
        }
        return block;
    }

    /** A never-used slab of an owned SuperSlab, else an owned slab with no block in use. */
    private Slab reusableSlab() {
        for (SuperSlab ss : owned) {
            Slab fresh = ss.takeFreshSlab();
            if (fresh != null) {
                return fresh;
            }
        }
        for (SuperSlab ss : owned) {
            for (int i = 0; i < ss.formattedSlabs(); i++) {
                Slab slab = ss.slab(i);
                if (slab.used() != 0 && !slab.remote().isEmpty()) {
                    protocol.drain(slab);
                }
                if (slab.used() == 0) {
                    return slab;
                }
            }
        }
        return null;
    }

    /**
     * Adopts an abandoned SuperSlab that is at most half full by its count (I6).
     *
     * @return a slab of the adopted SuperSlab with a block of class {@code cls}, else a fresh or
     *         empty slab of it, else null (nothing adopted)
     */
    private Slab adoptSlab(int cls) {
        env.heaps().reapDead();
        for (int attempt = 0; attempt < env.adoptionAttempts(); attempt++) {
            SuperSlab ss = env.abandoned().poll();
            if (ss == null) {
                return null;
            }
            if (!ss.tryClaim()) {
                continue;                                   // stale entry: adopted or released meanwhile
            }
            try {
                FreeProtocol.drainClaimed(ss);
            } catch (RuntimeException e) {
                env.abandoned().offer(ss);                  // claim given back: keep it reachable (I6)
                throw e;
            }
            if ((long) ss.activeBlocks() * 2 > ss.formattedCapacity()) {
                ss.unclaim();
                env.abandoned().offer(ss);
                if (ss.activeBlocks() == 0) {
                    protocol.reclaim(ss);
                }
                continue;
            }
            ss.adopt(this);
            owned.add(ss);
            counters.adoptions++;
            Slab match = null;
            for (int i = 0; i < ss.formattedSlabs(); i++) {
                Slab slab = ss.slab(i);
                if (slab.sizeClass() >= 0) {
                    slabsByClass.get(slab.sizeClass()).add(slab);
                    if (match == null && slab.sizeClass() == cls && slab.hasLocalBlock()) {
                        match = slab;
                    }
                }
            }
            return match != null ? match : reusableSlab();
        }
        return null;
    }

    /** Forgets an owned SuperSlab's slabs (owner only). */
    private void detach(SuperSlab ss) {
        owned.remove(ss);
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            Slab slab = ss.slab(i);
            int cls = slab.sizeClass();
            if (cls >= 0) {
                slabsByClass.get(cls).remove(slab);
                if (current[cls] == slab) {
                    current[cls] = null;
                }
            }
        }
    }

    /**
     * Abandons every owned SuperSlab (owner, or reaper after the owner died; once): drain each
     * (it is still ours), abandon it, release it at once if empty, else queue it for adoption and
     * the trimmer.
     *
     * @return true for the call that closed it
     */
    public boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        for (SuperSlab ss : owned) {
            ss.drainAll();
            ss.abandon();
            if (!protocol.reclaim(ss)) {
                env.abandoned().offer(ss);
            }
        }
        owned.clear();
        java.util.Arrays.fill(current, null);
        slabsByClass.forEach(List::clear);
        env.heaps().remove(this);
        env.counters().retire(counters);
        env.counters().heapsAbandoned.increment();
        return true;
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed.get();
    }

    /** The thread this heap belongs to. */
    public Thread thread() {
        return thread;
    }

    /** This heap's counters (owner-written; see {@link HeapCounters}). */
    public HeapCounters counters() {
        return counters;
    }

    /** SuperSlabs owned (a copy; owner only). */
    public List<SuperSlab> ownedSuperSlabs() {
        return List.copyOf(owned);
    }
}
