package org.slabproof;

/**
 * One snapshot of the allocator's counters. SuperSlab and mapping counters are exact at the
 * moment each is read; operation counts (mallocs, frees, drains, adoptions) are summed over live
 * heaps without stopping them, so they may lag by the operations in flight.
 *
 * @param superSlabsAllocated SuperSlabs created so far (seed: {@code alloc=})
 * @param superSlabsFreed     SuperSlabs released so far (seed: {@code freed=})
 * @param superSlabsLive      allocated minus freed
 * @param superSlabsPeak      the largest value of live so far
 * @param mappedBytes         bytes currently mapped, empty reserve included
 * @param mappedBytesPeak     the largest value of mappedBytes so far
 * @param activeBlocks        sum of {@code totalActiveBlocks} over live SuperSlabs
 * @param mallocs             blocks handed out
 * @param slowMallocs         of those, the ones the thread's current slab could not serve: the slow path ran
 *                            (drain, refilled slabs, the scans, adoption or a new SuperSlab)
 * @param localFrees          frees by the owning thread
 * @param remoteFrees         frees by another thread (remote pushes)
 * @param drains              drains that moved at least one block, by owners, adopters, reapers or the trimmer
 * @param drainedBlocks       blocks moved from remote stacks to local freelists
 * @param adoptions           abandoned SuperSlabs adopted by another thread
 * @param trims               trimmer passes
 * @param heapsAbandoned      thread heaps closed explicitly or reaped after their thread died
 * @param reservedSuperSlabs  regions kept in the empty reserve
 * @param reservedResidentSuperSlabs regions kept in the empty reserve whose pages were not yet
 *                            given back to the kernel (they count in the RSS)
 */
public record AllocatorStats(long superSlabsAllocated, long superSlabsFreed, long superSlabsLive,
        long superSlabsPeak, long mappedBytes, long mappedBytesPeak, long activeBlocks, long mallocs,
        long slowMallocs, long localFrees, long remoteFrees, long drains, long drainedBlocks, long adoptions, long trims,
        long heapsAbandoned, long reservedSuperSlabs, long reservedResidentSuperSlabs) {

    /** The seed's log line, extended: {@code superslabs: allocated=A freed=F live=L peak=P mapped_bytes=B}. */
    public String superSlabLine() {
        return "superslabs: allocated=" + superSlabsAllocated + " freed=" + superSlabsFreed + " live="
                + superSlabsLive + " peak=" + superSlabsPeak + " mapped_bytes=" + mappedBytes
                + " active_blocks=" + activeBlocks;
    }
}
