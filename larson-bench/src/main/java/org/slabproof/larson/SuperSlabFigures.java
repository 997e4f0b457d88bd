package org.slabproof.larson;

import org.slabproof.AllocatorStats;

/**
 * The reference allocator's counters that a Larson report carries, taken from one
 * {@link AllocatorStats} snapshot.
 *
 * @param allocated SuperSlabs mapped so far
 * @param freed SuperSlabs released so far
 * @param live SuperSlabs mapped and not released
 * @param peak most SuperSlabs live at once
 * @param mappedBytesPeak most bytes mapped at once
 * @param activeBlocks live blocks as the allocator counts them
 * @param slowMallocs mallocs the thread's current slab could not serve (the allocator's slow path)
 * @param localFrees frees by a block's owner thread
 * @param remoteFrees frees by any other thread
 * @param drains owner drains of remote stacks
 * @param drainedBlocks blocks moved by those drains
 * @param adoptions slabs of exited threads taken over by another thread
 * @param trims trimmer passes
 */
public record SuperSlabFigures(long allocated, long freed, long live, long peak, long mappedBytesPeak,
        long activeBlocks, long slowMallocs, long localFrees, long remoteFrees, long drains, long drainedBlocks, long adoptions,
        long trims) {

    /** The figures of one snapshot. */
    public static SuperSlabFigures of(AllocatorStats s) {
        return new SuperSlabFigures(s.superSlabsAllocated(), s.superSlabsFreed(), s.superSlabsLive(),
                s.superSlabsPeak(), s.mappedBytesPeak(), s.activeBlocks(), s.slowMallocs(), s.localFrees(), s.remoteFrees(),
                s.drains(), s.drainedBlocks(), s.adoptions(), s.trims());
    }
}
