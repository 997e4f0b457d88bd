package org.slabproof.proofs;

/**
 * An interleaving in which an invariant failed. An {@link AssertionError}, so JUnit reports it as
 * a failure and vmlens writes the interleaving that led to it into its report.
 */
final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final Invariant invariant;

    InvariantViolation(Invariant invariant, String what) {
        super(invariant.title() + " violated: " + what);
        this.invariant = invariant;
    }

    InvariantViolation(Invariant invariant, String what, Throwable cause) {
        super(invariant.title() + " violated: " + what, cause);
        this.invariant = invariant;
    }

    /** The invariant that failed. */
    Invariant invariant() {
        return invariant;
    }
}
