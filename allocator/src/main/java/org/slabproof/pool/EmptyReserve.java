package org.slabproof.pool;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.memory.Region;

/**
 * Regions of released SuperSlabs kept mapped for reuse, at most {@code capacity} of them (the
 * seed's {@code g_empty_reserve}): a workload that empties and refills one SuperSlab does not
 * pay an munmap and an mmap each time.
 */
final class EmptyReserve {
    private final int capacity;
    private final ConcurrentLinkedDeque<Region> regions = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();  // may lag regions by in-flight calls

    EmptyReserve(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps the region if there is room. */
    boolean offer(Region region) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        regions.push(region);
        return true;
    }

    /** A kept region, or null. */
    Region poll() {
        Region r = regions.poll();
        if (r != null) {
            size.decrementAndGet();
        }
        return r;
    }

    int size() {
        return Math.max(0, size.get());
    }
}
