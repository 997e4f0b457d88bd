package org.slabproof.memory;

/**
 * Where SuperSlab memory comes from: real mmap for the allocator, small GC-managed native memory
 * for the stress suites (which build thousands of SuperSlabs a second and must not mmap each).
 */
public interface RegionSource {
    /**
     * Maps {@code size} bytes aligned to {@code size}.
     *
     * @throws NativeMemoryException when the operating system refuses
     */
    Region map(long size);

    /** Gives the region back. Called once per region, after every view of it was closed. */
    void unmap(Region region);

    /**
     * Lets the kernel take the region's pages back while it stays mapped (the pages read as zero
     * afterwards). For regions nobody uses, kept for reuse. Default: nothing to give back.
     */
    default void discard(Region region) {
    }

    /** The real thing: anonymous private mmap, aligned by trimming, munmap on release. */
    static RegionSource mmap() {
        return MmapRegionSource.INSTANCE;
    }

    /** Native memory from an automatic arena: for tiny test geometries only. */
    static RegionSource small() {
        return SmallRegionSource.INSTANCE;
    }
}
