package org.slabproof.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.memory.Region;
import org.slabproof.memory.RegionSource;

/**
 * Regions of released SuperSlabs kept mapped for reuse, at most {@code capacity} of them (the
 * seed's {@code g_empty_reserve}): a workload that empties and refills one SuperSlab does not pay
 * an munmap and an mmap each time. A region that stays unused for a while has its pages given back
 * to the kernel ({@link #decommitIdle}, {@code madvise(MADV_DONTNEED)}): it stays mapped and
 * reusable, but no longer counts in the process's RSS.
 *
 * <p>Implementation notes. The most recently released region is reused first (its pages are the
 * likeliest to be resident). The trimmer decommits from the other end, taking each region out of
 * the deque while it does, so that a region is never handed out while its pages are being
 * dropped; an {@link #acquire} that finds the deque momentarily empty maps a new region instead.
 */
final class EmptyReserve {
    private final int capacity;
    private final RegionSource source;
    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();     // may lag entries by in-flight calls
    private final AtomicInteger resident = new AtomicInteger(); // entries whose pages were not dropped

    /** A kept region, when it entered, and whether its pages were dropped since. */
    private record Entry(Region region, long enteredNanos, boolean decommitted) {
    }

    EmptyReserve(int capacity, RegionSource source) {
        this.capacity = capacity;
        this.source = source;
    }

    /** Keeps the region if there is room (any thread). */
    boolean offer(Region region) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        resident.incrementAndGet();
        entries.push(new Entry(region, System.nanoTime(), false));
        return true;
    }

    /** A kept region, most recently released first, or null (any thread). */
    Region acquire() {
        Entry e = entries.poll();
        if (e == null) {
            return null;
        }
        size.decrementAndGet();
        if (!e.decommitted()) {
            resident.decrementAndGet();
        }
        return e.region();
    }

    /**
     * Drops the pages of every region that has waited at least {@code idleNanos} (the trimmer).
     *
     * @return regions decommitted by this call
     */
    int decommitIdle(long idleNanos) {
        int done = 0;
        long now = System.nanoTime();
        List<Entry> taken = new ArrayList<>();
        for (int n = size(); n > 0; n--) {                  // oldest first
            Entry e = entries.pollLast();
            if (e == null) {
                break;
            }
            if (!e.decommitted() && now - e.enteredNanos() >= idleNanos) {
                source.discard(e.region());
                resident.decrementAndGet();
                e = new Entry(e.region(), e.enteredNanos(), true);
                done++;
            }
            taken.add(e);
        }
        for (int i = taken.size() - 1; i >= 0; i--) {      // back in the same order: kept, not reused
            entries.offerLast(taken.get(i));
        }
        return done;
    }

    /** Regions kept. */
    int size() {
        return Math.max(0, size.get());
    }

    /** Regions kept whose pages were not dropped yet. */
    int resident() {
        return Math.max(0, resident.get());
    }
}
