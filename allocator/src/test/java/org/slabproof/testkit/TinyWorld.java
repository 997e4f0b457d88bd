package org.slabproof.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.slabproof.AccountingPolicy;
import org.slabproof.AllocatorStats;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.memory.RegionSource;
import org.slabproof.pool.SuperSlabPool;
import org.slabproof.stats.Counters;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SizeClasses;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.trim.Trimmer;

/**
 * The allocator's own machinery, tiny: a real {@link HeapEnvironment} (pool, registry, abandoned
 * queue, heap registry, counters) over 256-byte SuperSlabs of four 64-byte slabs in small native
 * memory, real {@link ThreadHeap}s and a real {@link Trimmer} without its thread. Cheap enough to
 * build per jcstress sample, Lincheck scenario or vmlens interleaving, and nothing in it is a
 * stand-in: the suites drive exactly the steps the allocator runs.
 *
 * <p>With 16-byte blocks a slab holds 4 blocks, so a few operations reach every edge: a full slab,
 * an empty SuperSlab, a zero transition. Heaps belong to a thread that never dies ({@link #heap()}),
 * so that a trim pass never reaps them, or to a thread the test lets die when it wants
 * ({@link #mortalHeap()}), after which the next trim pass (or an adopter's slow path) reaps them.
 */
public final class TinyWorld {
    /** 256-byte SuperSlabs of 64-byte slabs. */
    public static final Geometry TINY = new Geometry(8, 6);
    /** The block size the scenarios use: 4 blocks per slab. */
    public static final int SIZE = 16;
    /** Blocks per slab at {@link #SIZE}. */
    public static final int PER_SLAB = TINY.slabSize() / SizeClasses.sizeOf(SizeClasses.classOf(SIZE));

    private static final Thread IMMORTAL = Thread.ofPlatform().daemon().name("tiny-world-owner")
            .start(new ParkForever());

    private final FreeProtocol protocol;
    private final Counters counters = new Counters();
    private final HeapEnvironment env;
    private final Trimmer trimmer;

    /** A world running {@code protocol}; {@code checked}: exact double-free detection. */
    public TinyWorld(FreeProtocol protocol, boolean checked) {
        this.protocol = protocol;
        SuperSlabPool pool = new SuperSlabPool(TINY, RegionSource.small(), protocol, checked, Long.MAX_VALUE, 0,
                counters, TinyWorld::noStats);
        this.env = new HeapEnvironment(protocol, pool, counters, 4);
        this.trimmer = new Trimmer(protocol, pool, env.heaps(), counters, Duration.ZERO, Duration.ZERO, "tiny");
    }

    /** A world running {@code protocol}, default double-free detection. */
    public TinyWorld(FreeProtocol protocol) {
        this(protocol, false);
    }

    /** A world running the correct protocol of {@code policy}, default double-free detection. */
    public static TinyWorld of(AccountingPolicy policy) {
        return new TinyWorld(FreeProtocol.of(policy));
    }

    private static AllocatorStats noStats() {
        throw new IllegalStateException("a tiny world has no mapped-memory cap");
    }

    /** The body of a mortal owner thread: it lives until interrupted. */
    private static final class ParkUntilInterrupted implements Runnable {
        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
            }
        }
    }

    /** The body of the owner thread that never dies. */
    private static final class ParkForever implements Runnable {
        @Override
        public void run() {
            while (true) {
                LockSupport.park(this);
            }
        }
    }

    /** A heap whose thread never dies: only an explicit {@link ThreadHeap#close()} abandons it. */
    public ThreadHeap heap() {
        return ThreadHeap.open(env, IMMORTAL);
    }

    /**
     * A heap whose thread lives until {@link MortalHeap#die()}: set a scenario up with it as its
     * owner did, then let the owner die; the next {@link #trim()} (or an adopter's slow path)
     * closes it, as the reaper does for a thread that exited without closing its heap.
     */
    public MortalHeap mortalHeap() {
        Thread owner = Thread.ofPlatform().daemon().name("tiny-world-mortal-owner").start(new ParkUntilInterrupted());
        return new MortalHeap(ThreadHeap.open(env, owner), owner);
    }

    /** A heap and the thread it belongs to, which the test can let die. */
    public record MortalHeap(ThreadHeap heap, Thread owner) {
        /** Ends the owner thread and waits until it is dead (a deadline fails the test). */
        public void die() {
            owner.interrupt();
            Threads.join(owner, Threads.DEADLINE.toNanos());
        }
    }

    /**
     * Allocates, from a heap that holds no block yet, exactly the {@link #SIZE} blocks that fill
     * its first SuperSlab: the heap's next malloc of that size maps a second one and unpins this one.
     *
     * @return the blocks in allocation order, in a new list the caller may change
     */
    public static List<Long> fillOneSuperSlab(ThreadHeap heap) {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < TINY.slabCount() * PER_SLAB; i++) {
            blocks.add(heap.malloc(SIZE));
        }
        return blocks;
    }

    /** One trimmer pass, as the periodic trimmer runs it. */
    public int trim() {
        return trimmer.trimOnce();
    }

    /** The protocol under test. */
    public FreeProtocol protocol() {
        return protocol;
    }

    /** What the heaps share. */
    public HeapEnvironment environment() {
        return env;
    }

    /** Live SuperSlabs, oldest first. */
    public List<SuperSlab> superSlabs() {
        return env.pool().liveSuperSlabs().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    /** SuperSlabs mapped so far. */
    public long mapped() {
        return counters.superSlabsAllocated.get();
    }

    /** SuperSlabs released so far (the release sink's calls: exactly once each is the only right answer). */
    public long released() {
        return counters.superSlabsFreed.get();
    }

    /** The world's counters. */
    public Counters counters() {
        return counters;
    }
}
