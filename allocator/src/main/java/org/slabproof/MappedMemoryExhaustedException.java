package org.slabproof;

/**
 * The allocator could not map another SuperSlab: the configured cap on mapped bytes was reached,
 * or mmap itself failed. The message reports the SuperSlab counters like the seed's OOM log line
 * ({@code superslabs: allocated=N freed=F live=L ...}).
 */
public final class MappedMemoryExhaustedException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Counters at the moment of failure (never null). */
    private final transient AllocatorStats stats;

    /** Creates the exception with a message and the counters at the moment of failure. */
    public MappedMemoryExhaustedException(String message, AllocatorStats stats) {
        super(message);
        this.stats = stats;
    }

    /** Counters at the moment of failure. */
    public AllocatorStats stats() {
        return stats;
    }

    /** When the live data fits the cap, running out of mappings means empty SuperSlabs were not released: I6. */
    @Override
    public Invariant invariant() {
        return Invariant.I6;
    }
}
