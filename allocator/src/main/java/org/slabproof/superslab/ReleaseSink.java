package org.slabproof.superslab;

/**
 * What happens to a SuperSlab's region once the SuperSlab is released: the allocator's pool
 * unregisters it and unmaps the region or keeps it in the empty reserve; the suites count calls.
 * Called exactly once per SuperSlab (I3, I5), by the thread that won the release, after the
 * SuperSlab's memory view was closed.
 */
@FunctionalInterface
public interface ReleaseSink {
    /** The SuperSlab was released; its region is free to reuse or unmap. */
    void released(SuperSlab superSlab);

    /** A sink that does nothing with the region (for tests that only count releases). */
    ReleaseSink NONE = ss -> { };
}
