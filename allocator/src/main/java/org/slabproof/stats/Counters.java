package org.slabproof.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The allocator-wide counters. SuperSlab and mapping counters change on slow paths only, so they
 * are plain atomics; per-operation counters live in each heap's {@link HeapCounters} and are
 * folded in here when the heap retires.
 */
public final class Counters {
    public final AtomicLong superSlabsAllocated = new AtomicLong();  // SuperSlabs created (mapped or from reserve)
    public final AtomicLong superSlabsFreed = new AtomicLong();      // SuperSlabs released
    public final AtomicLong superSlabsPeak = new AtomicLong();       // max of allocated - freed
    public final AtomicLong mappedBytes = new AtomicLong();          // regions currently mapped, reserve included
    public final AtomicLong mappedBytesPeak = new AtomicLong();
    public final LongAdder trims = new LongAdder();                  // trimmer passes
    public final LongAdder heapsAbandoned = new LongAdder();         // heaps closed or reaped
    public final LongAdder zeroTransitionReleases = new LongAdder(); // releases by the thread whose free reached zero
    public final LongAdder trimReleases = new LongAdder();           // releases by the trimmer
    /** Operation counts of heaps that retired. */
    public final HeapCounters retired = new HeapCounters();

    /** Records a new SuperSlab and updates the peak. */
    public void superSlabAllocated() {
        long live = superSlabsAllocated.incrementAndGet() - superSlabsFreed.get();
        superSlabsPeak.accumulateAndGet(live, Math::max);
    }

    /** Adds {@code delta} to the mapped bytes and updates the peak; returns the new value. */
    public long addMapped(long delta) {
        long now = mappedBytes.addAndGet(delta);
        if (delta > 0) {
            mappedBytesPeak.accumulateAndGet(now, Math::max);
        }
        return now;
    }

    /** Folds a retiring heap's counts in. */
    public void retire(HeapCounters heap) {
        synchronized (retired) {
            retired.add(heap);
        }
    }

    /** A copy of the retired heaps' counts. */
    public HeapCounters retiredSnapshot() {
        HeapCounters copy = new HeapCounters();
        synchronized (retired) {
            copy.add(retired);
        }
        return copy;
    }
}
