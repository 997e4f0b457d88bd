package org.slabproof.proofs;

/** How the harness's exploration of one cell under one protocol ended. */
enum Verdict {
    /** Every interleaving was explored and every invariant held (vmlens's report may still show a data race). */
    PROVEN,
    /** An interleaving failed: an invariant broke (for a known-bad variant: caught), or something naming none. */
    VIOLATED,
    /** Exploration stopped at the iteration cap: no claim can be made. */
    CAPPED,
    /** Exploration did not finish within the cell's time budget: no claim can be made. */
    TIMED_OUT,
    /** The vmlens agent was not attached: nothing was explored. */
    NOT_EXPLORED
}
