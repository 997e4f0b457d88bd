package org.slabproof.testkit;

import org.slabproof.Invariant;
import org.slabproof.Violation;

/**
 * A test's verdict that an invariant broke: an {@link AssertionError} (so JUnit reports a
 * failure, Lincheck a failed validation, vmlens a failing interleaving) that carries the
 * {@link Invariant} by type, and prints it first.
 */
public final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The broken invariant. */
    private final Invariant invariant;

    /** A violation of {@code invariant}, saying what was found. */
    public InvariantViolation(Invariant invariant, String what) {
        super(invariant + ": " + what);
        this.invariant = invariant;
    }

    /** A violation of {@code invariant}, caused by {@code cause}. */
    public InvariantViolation(Invariant invariant, String what, Throwable cause) {
        super(invariant + ": " + what, cause);
        this.invariant = invariant;
    }

    /** The violation an allocator check found. */
    public InvariantViolation(Violation v) {
        this(v.invariant(), v.what());
    }

    /** The broken invariant. */
    public Invariant invariant() {
        return invariant;
    }

    /** Throws a violation of {@code invariant} unless {@code holds}. */
    public static void require(Invariant invariant, boolean holds, String what) {
        if (!holds) {
            throw new InvariantViolation(invariant, what);
        }
    }
}
