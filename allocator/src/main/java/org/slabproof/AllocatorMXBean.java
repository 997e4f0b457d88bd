package org.slabproof;

/**
 * JMX view of an allocator's counters (registered as
 * {@code org.slabproof:type=Allocator,name=<name>}). Each getter reads a fresh snapshot.
 */
public interface AllocatorMXBean {
    /** SuperSlabs created. */
    long getSuperSlabsAllocated();

    /** SuperSlabs released. */
    long getSuperSlabsFreed();

    /** SuperSlabs live. */
    long getSuperSlabsLive();

    /** Peak of live SuperSlabs. */
    long getSuperSlabsPeak();

    /** Bytes mapped now. */
    long getMappedBytes();

    /** Peak mapped bytes. */
    long getMappedBytesPeak();

    /** Sum of the live SuperSlabs' active-block counts. */
    long getActiveBlocks();

    /** Blocks handed out. */
    long getMallocs();

    /** Mallocs that took the slow path, {@link AllocatorStats#slowMallocs()}. */
    long getSlowMallocs();

    /** Frees by owners. */
    long getLocalFrees();

    /** Frees by other threads. */
    long getRemoteFrees();

    /** Drains that moved blocks. */
    long getDrains();

    /** Blocks drained. */
    long getDrainedBlocks();

    /** Adoptions of abandoned SuperSlabs. */
    long getAdoptions();

    /** Trimmer passes. */
    long getTrims();

    /** Heaps abandoned (closed or reaped). */
    long getHeapsAbandoned();

    /** Regions in the empty reserve. */
    long getReservedSuperSlabs();

    /** Regions in the empty reserve whose pages are still resident. */
    long getReservedResidentSuperSlabs();

    /** Runs one trimmer pass now; returns SuperSlabs released. */
    int trimNow();
}
