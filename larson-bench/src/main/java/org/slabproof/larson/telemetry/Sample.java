package org.slabproof.larson.telemetry;

/**
 * One telemetry reading taken while Larson runs.
 *
 * @param seconds time since the workers were started
 * @param mallocs worker mallocs published so far
 * @param superSlabsLive SuperSlabs mapped and not released, -1 for peers without SuperSlabs
 * @param superSlabsAllocated SuperSlabs mapped so far, -1 for peers without SuperSlabs
 * @param superSlabsFreed SuperSlabs released so far, -1 for peers without SuperSlabs
 * @param mappedBytes bytes the reference allocator has mapped now, -1 for peers without SuperSlabs
 * @param rssBytes the process's resident set, -1 when unknown
 */
public record Sample(double seconds, long mallocs, long superSlabsLive, long superSlabsAllocated,
        long superSlabsFreed, long mappedBytes, long rssBytes) {

    /** Whether this sample carries SuperSlab counters. */
    public boolean hasSuperSlabs() {
        return superSlabsLive >= 0;
    }
}
