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

    /** The broken invariant (the first, when several were found at once). */
    private final Invariant invariant;
    /** Every invariant found broken at once, first one first. */
    private final java.util.Set<Invariant> all;

    /** A violation of {@code invariant}, saying what was found. */
    public InvariantViolation(Invariant invariant, String what) {
        super(invariant + ": " + what);
        this.invariant = invariant;
        this.all = java.util.Set.of(invariant);
    }

    /** A violation of {@code invariant}, caused by {@code cause}. */
    public InvariantViolation(Invariant invariant, String what, Throwable cause) {
        super(invariant + ": " + what, cause);
        this.invariant = invariant;
        this.all = java.util.Set.of(invariant);
    }

    private InvariantViolation(java.util.List<Violation> found, String what) {
        super(found.getFirst().invariant() + ": " + what);
        this.invariant = found.getFirst().invariant();
        java.util.Set<Invariant> names = new java.util.LinkedHashSet<>();
        for (Violation v : found) {
            names.add(v.invariant());
        }
        this.all = java.util.Collections.unmodifiableSet(names);
    }

    /** The violation an allocator check found. */
    public InvariantViolation(Violation v) {
        this(v.invariant(), v.what());
    }

    /**
     * One error for several violations found at once: it carries the first one's invariant (the
     * checks put causes before effects, a lost block before a wrong count) and names every one.
     */
    public static InvariantViolation of(java.util.List<Violation> found) {
        Violation first = found.getFirst();
        if (found.size() == 1) {
            return new InvariantViolation(first);
        }
        StringBuilder all = new StringBuilder(first.what());
        for (Violation v : found.subList(1, found.size())) {
            all.append("; and ").append(v);
        }
        return new InvariantViolation(found, all.toString());
    }

    /** The broken invariant (the first, when several were found at once). */
    public Invariant invariant() {
        return invariant;
    }

    /** Every invariant found broken at once, first one first. */
    public java.util.Set<Invariant> invariants() {
        return all;
    }

    /** Throws a violation of {@code invariant} unless {@code holds}. */
    public static void require(Invariant invariant, boolean holds, String what) {
        if (!holds) {
            throw new InvariantViolation(invariant, what);
        }
    }
}
