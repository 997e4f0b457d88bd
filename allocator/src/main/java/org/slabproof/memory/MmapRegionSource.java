package org.slabproof.memory;

/**
 * Maps SuperSlab regions with anonymous mmap. Alignment to the region size is obtained the
 * classic way: map twice the size, then munmap the unaligned head and tail, so the kernel holds
 * exactly one mapping of exactly {@code size} bytes per SuperSlab.
 */
final class MmapRegionSource implements RegionSource {
    static final MmapRegionSource INSTANCE = new MmapRegionSource();

    private MmapRegionSource() {
    }

    @Override
    public Region map(long size) {
        long raw = Mman.mmapAnonymous(2 * size);
        long aligned = (raw + size - 1) & -size;
        Mman.munmap(raw, aligned - raw);
        Mman.munmap(aligned + size, raw + 2 * size - (aligned + size));
        return new Region(aligned, size, null);
    }

    @Override
    public void unmap(Region region) {
        Mman.munmap(region.address(), region.size());
    }

    /** {@code madvise(MADV_DONTNEED)}: the pages go back to the kernel, the mapping stays. */
    @Override
    public void discard(Region region) {
        Mman.dontNeed(region.address(), region.size());
    }

    @Override
    public String toString() {
        return "mmap";
    }
}
