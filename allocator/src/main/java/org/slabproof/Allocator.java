package org.slabproof;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slabproof.heap.HeapEnvironment;
import org.slabproof.heap.HeapRegistry;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.internal.AllocatorAccess;
import org.slabproof.memory.RegionSource;
import org.slabproof.pool.SuperSlabPool;
import org.slabproof.stats.Counters;
import org.slabproof.stats.HeapCounters;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.trim.Trimmer;

/**
 * The reference allocator: {@code malloc}/{@code free} of 1..1024-byte blocks in off-heap
 * SuperSlabs, with per-thread heaps, lock-free remote frees, owner drains, a per-SuperSlab
 * {@code totalActiveBlocks}, adoption of dead threads' SuperSlabs and a periodic trimmer.
 *
 * <p>Any thread may call {@link #malloc} and {@link #free}; each thread gets its own heap on first
 * use, and a thread that exits is reaped without calling anything. Addresses are absolute native
 * addresses; the caller reads and writes the blocks as a C caller would.
 *
 * <pre>{@code
 * try (Allocator a = Allocator.create(AllocatorConfig.defaults())) {
 *     long p = a.malloc(100);
 *     a.free(p);
 * }
 * }</pre>
 */
public final class Allocator implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long MIN_MAPPED_SUPERSLAB = 64 << 10;

    static {
        AllocatorAccess.install(new AllocatorAccess.Bridge() {
            @Override
            public Allocator create(AllocatorConfig config, FreeProtocol protocol, RegionSource source) {
                return new Allocator(config, protocol, source);
            }

            @Override
            public Geometry geometry(AllocatorConfig config) {
                return config.geometry();
            }

            @Override
            public HeapEnvironment environment(Allocator allocator) {
                return allocator.env;
            }

            @Override
            public ThreadHeap currentHeap(Allocator allocator) {
                return allocator.heap();
            }
        });
    }

    private final AllocatorConfig config;
    private final FreeProtocol protocol;
    private final Counters counters = new Counters();
    private final SuperSlabPool pool;
    private final HeapRegistry heaps;
    private final HeapEnvironment env;
    private final Trimmer trimmer;
    private final ThreadLocal<ThreadHeap> localHeap;
    private final String name;
    private final SlabSegmentAllocator segments;
    private volatile boolean closed;
    private ObjectName mbeanName;       // guarded by this

    private Allocator(AllocatorConfig config, FreeProtocol protocol, RegionSource source) {
        this.config = config;
        this.protocol = protocol;
        this.name = "slabproof-" + INSTANCES.incrementAndGet();
        this.pool = new SuperSlabPool(config.geometry(), source, protocol, config.checked(),
                config.maxMappedBytes(), config.emptyReserve(), counters, this::stats);
        this.env = new HeapEnvironment(protocol, pool, counters, config.adoptionAttempts());
        this.heaps = env.heaps();
        this.localHeap = ThreadLocal.withInitial(() -> ThreadHeap.open(env, Thread.currentThread()));
        this.trimmer = new Trimmer(protocol, pool, heaps, counters, config.trimInterval(), config.reserveIdle(),
                name + "-trimmer");
        this.segments = new SlabSegmentAllocator(this, pool.registry());
    }

    /**
     * An allocator with the given configuration.
     *
     * @throws IllegalArgumentException for SuperSlabs below 64 KiB, which mmap cannot align
     */
    public static Allocator create(AllocatorConfig config) {
        if (config.superSlabSize() < MIN_MAPPED_SUPERSLAB) {
            throw new IllegalArgumentException("SuperSlabs of " + config.superSlabSize() + " bytes: mapped SuperSlabs"
                    + " must be at least " + MIN_MAPPED_SUPERSLAB + " bytes");
        }
        return new Allocator(config, FreeProtocol.of(config.policy()), RegionSource.mmap());
    }

    /** An allocator with the defaults. */
    public static Allocator createDefault() {
        return create(AllocatorConfig.defaults());
    }

    /**
     * Allocates {@code size} bytes (1..1024) and returns the block's address (any thread).
     *
     * @throws InvalidSizeException            for a size outside 1..1024
     * @throws MappedMemoryExhaustedException  when a new SuperSlab cannot be mapped
     */
    public long malloc(long size) {
        return heap().malloc(size);
    }

    /**
     * Frees a block (any thread). 0 is a no-op, as in C.
     *
     * @throws ForeignAddressException     for an address outside every SuperSlab
     * @throws MisalignedAddressException  for an address inside a SuperSlab that is not a block start
     * @throws DoubleFreeException         for a block that is not live (always caught in checked mode)
     * @throws UseAfterReleaseException    for an address in a released SuperSlab
     */
    public void free(long address) {
        heap().free(address);
    }

    private ThreadHeap heap() {
        ensureOpen();
        ThreadHeap heap = localHeap.get();
        if (heap.isClosed()) {                      // closed through a handle: start a new one
            heap = ThreadHeap.open(env, Thread.currentThread());
            localHeap.set(heap);
        }
        return heap;
    }

    /**
     * The calling thread's heap as a handle: malloc and free without the thread-local lookup,
     * and close to abandon the thread's SuperSlabs now. See {@link ThreadHeapHandle} for its
     * thread rule.
     */
    public ThreadHeapHandle attachThread() {
        return new Handle(heap(), Thread.currentThread());
    }

    /** The calling thread's heap (package-private: the allocator's own tests). */
    ThreadHeap currentHeap() {
        return heap();
    }

    /** Live SuperSlabs, a snapshot (package-private: the allocator's own tests). */
    List<SuperSlab> liveSuperSlabs() {
        return pool.liveSuperSlabs();
    }

    /** A handle on one thread's heap; plain fields, since only that thread may use it. */
    private final class Handle implements ThreadHeapHandle {
        private final ThreadHeap heap;
        private final Thread owner;
        private boolean closed;

        Handle(ThreadHeap heap, Thread owner) {
            this.heap = heap;
            this.owner = owner;
        }

        @Override
        public long malloc(long size) {
            check();
            return heap.malloc(size);
        }

        @Override
        public void free(long address) {
            check();
            heap.free(address);
        }

        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw wrongThread();
            }
            if (!closed) {
                closed = true;
                heap.close();
                if (localHeap.get() == heap) {
                    localHeap.remove();
                }
            }
        }

        /**
         * The thread rule and the handle's own closed flag. The heap's flag is not read here: only
         * this thread closes the heap while it lives (the reaper waits for its death), and a heap
         * closed through another of its handles refuses its next malloc on its slow path and routes
         * frees as remote.
         */
        private void check() {
            if (Thread.currentThread() != owner || closed) {
                throw misuse();
            }
        }

        private RuntimeException misuse() {
            if (Thread.currentThread() != owner) {
                return wrongThread();
            }
            return new IllegalStateException("the handle of " + owner + " on allocator " + name + " is closed");
        }

        private WrongThreadException wrongThread() {
            return new WrongThreadException("the handle of " + owner + " on allocator " + name + " was used by "
                    + Thread.currentThread() + "; only the thread that attached may use it");
        }
    }

    /** This allocator as an FFM {@link java.lang.foreign.SegmentAllocator} (any thread). */
    public SlabSegmentAllocator segmentAllocator() {
        return segments;
    }

    /** Runs one trimmer pass now (any thread); returns SuperSlabs released. */
    public int trimNow() {
        ensureOpen();
        return trimmer.trimOnce();
    }

    /** A snapshot of the counters (any thread). */
    public AllocatorStats stats() {
        HeapCounters ops = counters.retiredSnapshot();
        ops.add(heaps.sum());
        long active = 0;
        long drains = counters.releasedDrains.sum();
        long drained = counters.releasedDrainedBlocks.sum();
        for (SuperSlab ss : pool.live()) {
            active += protocol.activeBlocks(ss);
            drains += ss.drains();
            drained += ss.drainedBlocks();
        }
        long allocated = counters.superSlabsAllocated.get();
        long freed = counters.superSlabsFreed.get();
        return new AllocatorStats(allocated, freed, allocated - freed, counters.superSlabsPeak.get(),
                counters.mappedBytes.get(), counters.mappedBytesPeak.get(), active, ops.mallocs, ops.slowMallocs,
                ops.localFrees,
                ops.remoteFrees, drains, drained, ops.adoptions, counters.trims.sum(),
                counters.heapsAbandoned.sum(), pool.reserved(), pool.reservedResident());
    }

    /**
     * Checks what each live SuperSlab can check alone, I1 and I2 (quiescent points only: no
     * application thread may be using the allocator while this runs). It runs between two passes
     * of the periodic trimmer, which may still be claiming and releasing SuperSlabs.
     *
     * @return the violations found, empty when the invariants hold
     */
    public List<Violation> checkInvariants() {
        return trimmer.betweenPasses(() -> {
            List<Violation> problems = new ArrayList<>();
            for (SuperSlab ss : pool.live()) {
                Violation v = ss.validate();
                if (v != null) {
                    problems.add(v);
                }
            }
            return problems;
        });
    }

    /** The configuration. */
    public AllocatorConfig config() {
        return config;
    }

    /** Name used for the trimmer thread and the MXBean. */
    public String name() {
        return name;
    }

    /**
     * Registers the {@link AllocatorMXBean} as {@code org.slabproof:type=Allocator,name=<name>}.
     *
     * @return the object name
     */
    public synchronized ObjectName registerMBean() {
        if (mbeanName == null) {
            try {
                mbeanName = new ObjectName("org.slabproof:type=Allocator,name=" + name);
                ManagementFactory.getPlatformMBeanServer().registerMBean(new MXBean(), mbeanName);
            } catch (JMException e) {
                throw new IllegalStateException("cannot register the allocator MXBean", e);
            }
        }
        return mbeanName;
    }

    /**
     * Stops the trimmer and unmaps every SuperSlab. Quiescent only: no thread may use the
     * allocator, or any block of it, afterwards.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (mbeanName != null) {
                try {
                    ManagementFactory.getPlatformMBeanServer().unregisterMBean(mbeanName);
                } catch (JMException ignored) {
                    // already gone
                }
            }
        }
        trimmer.close();
        pool.shutdown();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("allocator " + name + " is closed");
        }
    }

    /** The MXBean, reading fresh snapshots. */
    private final class MXBean implements AllocatorMXBean {
        // @formatter:off
        @Override public long getSuperSlabsAllocated() { return stats().superSlabsAllocated(); }
        @Override public long getSuperSlabsFreed() { return stats().superSlabsFreed(); }
        @Override public long getSuperSlabsLive() { return stats().superSlabsLive(); }
        @Override public long getSuperSlabsPeak() { return stats().superSlabsPeak(); }
        @Override public long getMappedBytes() { return stats().mappedBytes(); }
        @Override public long getMappedBytesPeak() { return stats().mappedBytesPeak(); }
        @Override public long getActiveBlocks() { return stats().activeBlocks(); }
        @Override public long getMallocs() { return stats().mallocs(); }
        @Override public long getSlowMallocs() { return stats().slowMallocs(); }
        @Override public long getLocalFrees() { return stats().localFrees(); }
        @Override public long getRemoteFrees() { return stats().remoteFrees(); }
        @Override public long getDrains() { return stats().drains(); }
        @Override public long getDrainedBlocks() { return stats().drainedBlocks(); }
        @Override public long getAdoptions() { return stats().adoptions(); }
        @Override public long getTrims() { return stats().trims(); }
        @Override public long getHeapsAbandoned() { return stats().heapsAbandoned(); }
        @Override public long getReservedSuperSlabs() { return stats().reservedSuperSlabs(); }
        @Override public long getReservedResidentSuperSlabs() { return stats().reservedResidentSuperSlabs(); }
        @Override public int trimNow() { return Allocator.this.trimNow(); }
        // @formatter:on
    }
}
