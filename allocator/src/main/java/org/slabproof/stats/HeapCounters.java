package org.slabproof.stats;

/**
 * Per-heap operation counts: plain fields written only by the heap's owner thread, so counting
 * costs an increment and no atomic. Readers from other threads (stats snapshots) may see values a
 * little stale; that is the documented non-invariant of the counters.
 */
public final class HeapCounters {
    public long mallocs;        // blocks handed out
    public long slowMallocs;    // of those, the ones the current slab could not serve (the slow path ran)
    public long localFrees;     // frees by the owner
    public long remoteFrees;    // frees by this thread of blocks owned by another heap
    public long adoptions;      // abandoned SuperSlabs adopted

    /** Adds another set of counts. */
    public void add(HeapCounters o) {
        mallocs += o.mallocs;
        slowMallocs += o.slowMallocs;
        localFrees += o.localFrees;
        remoteFrees += o.remoteFrees;
        adoptions += o.adoptions;
    }
}
