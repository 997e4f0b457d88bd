package org.slabproof;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slabproof.heap.AbandonedSuperSlabs;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.heap.HeapRegistry;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.pool.SuperSlabPool;
import org.slabproof.stats.AllocatorMXBean;
import org.slabproof.stats.Counters;
import org.slabproof.stats.HeapCounters;
import org.slabproof.superslab.FreeProtocol;
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

    private final AllocatorConfig config;
    private final FreeProtocol protocol;
    private final Counters counters = new Counters();
    private final SuperSlabPool pool;
    private final AbandonedSuperSlabs abandoned = new AbandonedSuperSlabs();
    private final HeapRegistry heaps = new HeapRegistry();
    private final HeapEnvironment env;
    private final Trimmer trimmer;
    private final ThreadLocal<ThreadHeap> localHeap;
    private final String name;
    private volatile boolean closed;
    private ObjectName mbeanName;       // guarded by this

    private Allocator(AllocatorConfig config) {
        this.config = config;
        this.protocol = config.protocol();
        this.name = "slabproof-" + INSTANCES.incrementAndGet();
        this.pool = new SuperSlabPool(config.geometry(), config.regionSource(), protocol, config.checked(),
                config.maxMappedBytes(), config.emptyReserve(), counters, this::stats);
        this.env = new HeapEnvironment(protocol, pool, abandoned, heaps, counters, config.adoptionAttempts());
        this.localHeap = ThreadLocal.withInitial(() -> ThreadHeap.open(env, Thread.currentThread()));
        this.trimmer = new Trimmer(protocol, abandoned, heaps, counters, config.trimInterval(), name + "-trimmer");
    }

    /** An allocator with the given configuration. */
    public static Allocator create(AllocatorConfig config) {
        return new Allocator(config);
    }

    /** An allocator with the defaults. */
    public static Allocator createDefault() {
        return new Allocator(AllocatorConfig.defaults());
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

    /**
     * The calling thread's heap, for callers that want to skip the thread-local lookup. Only the
     * calling thread may use it.
     */
    public ThreadHeap currentHeap() {
        return heap();
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
     * A heap not bound to the calling thread's slot, used by exactly one thread at a time (tests
     * that model several owners from fewer threads). It is reaped when the calling thread dies.
     */
    public ThreadHeap newHeap() {
        ensureOpen();
        return ThreadHeap.open(env, Thread.currentThread());
    }

    /** Attaches the calling thread; closing the handle abandons its SuperSlabs now. */
    public ThreadHeapHandle attachThread() {
        ThreadHeap heap = currentHeap();
        return () -> {
            heap.close();
            localHeap.remove();
        };
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
        for (SuperSlab ss : pool.liveSuperSlabs()) {
            active += ss.activeBlocks();
            drains += ss.drains();
            drained += ss.drainedBlocks();
        }
        long allocated = counters.superSlabsAllocated.get();
        long freed = counters.superSlabsFreed.get();
        return new AllocatorStats(allocated, freed, allocated - freed, counters.superSlabsPeak.get(),
                counters.mappedBytes.get(), counters.mappedBytesPeak.get(), active, ops.mallocs, ops.localFrees,
                ops.remoteFrees, drains, drained, ops.adoptions, counters.trims.sum(),
                counters.heapsAbandoned.sum(), pool.reserved());
    }

    /**
     * Checks I1 and I2 on every live SuperSlab (quiescent points only: no thread may be using the
     * allocator while this runs).
     *
     * @return the violations found, empty when the invariants hold
     */
    public List<String> checkInvariants() {
        List<String> problems = new ArrayList<>();
        for (SuperSlab ss : pool.liveSuperSlabs()) {
            String p = ss.validate();
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /** Live SuperSlabs (a snapshot, for tests and tools). */
    public List<SuperSlab> liveSuperSlabs() {
        return pool.liveSuperSlabs();
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
        @Override public long getLocalFrees() { return stats().localFrees(); }
        @Override public long getRemoteFrees() { return stats().remoteFrees(); }
        @Override public long getDrains() { return stats().drains(); }
        @Override public long getDrainedBlocks() { return stats().drainedBlocks(); }
        @Override public long getAdoptions() { return stats().adoptions(); }
        @Override public long getTrims() { return stats().trims(); }
        @Override public long getHeapsAbandoned() { return stats().heapsAbandoned(); }
        @Override public long getReservedSuperSlabs() { return stats().reservedSuperSlabs(); }
        @Override public int trimNow() { return Allocator.this.trimNow(); }
        // @formatter:on
    }
}
