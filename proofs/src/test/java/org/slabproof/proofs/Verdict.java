package org.slabproof.proofs;

/** How the exploration of one cell under one protocol ended. */
enum Verdict {
    /** Every interleaving was explored and every invariant held. */
    PROVEN,
    /** An interleaving broke an invariant (for a known-bad variant: caught). */
    VIOLATED,
    /** Exploration stopped at the iteration cap: no claim can be made. */
    CAPPED,
    /** The vmlens agent was not attached: nothing was explored. */
    NOT_EXPLORED
}
