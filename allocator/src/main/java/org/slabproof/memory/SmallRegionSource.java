package org.slabproof.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Aligned native memory from an automatic arena, reclaimed by the GC once the region is dropped.
 * jcstress and Lincheck build a fresh SuperSlab per sample; an mmap per sample would dominate the
 * run and exhaust {@code vm.max_map_count}. Meant for tiny geometries (a few KiB).
 */
final class SmallRegionSource implements RegionSource {
    static final SmallRegionSource INSTANCE = new SmallRegionSource();

    private SmallRegionSource() {
    }

    @Override
    public Region map(long size) {
        MemorySegment memory = Arena.ofAuto().allocate(size, size);
        return new Region(memory.address(), size, memory);
    }

    @Override
    public void unmap(Region region) {
        // Dropping the last reference lets the automatic arena free it.
    }

    @Override
    public String toString() {
        return "small";
    }
}
