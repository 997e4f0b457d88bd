package org.slabproof.proofs;

/** How the harness's exploration of one cell under one protocol ended. */
enum Verdict {
    /** Every interleaving was explored and every invariant held (vmlens's report may still show a data race). */
    PROVEN,
    /** An interleaving failed: an invariant broke (for a known-bad variant: caught), or something naming none. */
    VIOLATED,
    /** Exploration stopped at the iteration cap: no claim can be made. */
    CAPPED,
    /**
     * Bounded: the cell's time budget ran out between or within interleavings, none of those
     * explored failed. A search that found nothing, not a proof.
     */
    TIMED_OUT,
    /** The watchdog ended the test JVM inside one vmlens step that did not return: nothing can be said. */
    HALTED,
    /** Gate run only: not explored, because an earlier cell already caught this known-bad variant. */
    SKIPPED,
    /** The vmlens agent was not attached: nothing was explored. */
    NOT_EXPLORED
}
