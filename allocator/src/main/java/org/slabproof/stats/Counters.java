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
    public final LongAdder releasedDrains = new LongAdder();         // drains of SuperSlabs since released
    public final LongAdder releasedDrainedBlocks = new LongAdder();  // blocks those drains moved
    /** Operation counts of heaps that retired. */
    public final HeapCounters retired = new HeapCounters();

    /** Records a new SuperSlab and updates the peak. */
    public void superSlabAllocated() {
        long live = superSlabsAllocated.incrementAndGet() - superSlabsFreed.get();
        superSlabsPeak.accumulateAndGet(live, Math::max);
    }

    /**
     * Reserves {@code bytes} of mapping under {@code cap}; the peak moves only for a reservation
     * that is kept, so it never exceeds the cap.
     *
     * @return false (and nothing reserved) when the cap would be exceeded
     */
    public boolean reserveMapped(long bytes, long cap) {
        long now = mappedBytes.addAndGet(bytes);
        if (now > cap || now < 0) {
            mappedBytes.addAndGet(-bytes);
            return false;
        }
        mappedBytesPeak.accumulateAndGet(now, Math::max);
        return true;
    }

    /** Gives back mapped bytes (unmapped, or a reservation whose mmap failed). */
    public void unreserveMapped(long bytes) {
        mappedBytes.addAndGet(-bytes);
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
