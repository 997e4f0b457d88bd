package org.slabproof.larson.peer;

import java.util.List;
import java.util.Optional;
import org.slabproof.AllocatorStats;
import org.slabproof.Violation;

/**
 * One allocator that Larson can measure: it makes the block table and, if it has SuperSlabs,
 * reports the reference allocator's counters.
 */
public interface Peer extends AutoCloseable {

    /** The id given on the command line, e.g. {@code slabproof-drain}. */
    String id();

    /** The known-bad variant this peer runs, or null for a correct allocator. */
    default String variant() {
        return null;
    }

    /** One line saying what exactly is measured (policy, variant, settings). */
    String description();

    /** A table of {@code slots} empty slots whose blocks come from this peer. */
    BlockTable newTable(int slots);

    /** The reference allocator's counters, or empty for peers that have no SuperSlabs. */
    default Optional<AllocatorStats> allocatorStats() {
        return Optional.empty();
    }

    /**
     * Called after the table's blocks were all freed, before the final counters are read, on the
     * thread that ran the warmup (the only thread still using the peer): lets a peer finish
     * reclamation that a long-lived process would leave to a background thread.
     */
    default void afterCleanup() {
    }

    /**
     * What the allocator's own checks find broken at the quiescent point after cleanup (every
     * block freed, every thread's heap given up, one trim pass): nothing for peers that keep no
     * accounting.
     */
    default List<Violation> violations() {
        return List.of();
    }

    /** Releases everything the peer holds; the tables it made must not be used afterwards. */
    @Override
    void close();
}
