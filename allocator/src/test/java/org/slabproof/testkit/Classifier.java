package org.slabproof.testkit;

import org.slabproof.Invariant;

/**
 * The one place that says which invariant an exception seen by a suite stands for, when the
 * suite itself did nothing wrong: a test's own {@link InvariantViolation} carries one; anything
 * else follows the allocator's own rule, {@link Invariant#of(Throwable)} (an allocator error names
 * its invariant; a touch of a SuperSlab whose memory its release closed is I4).
 */
public final class Classifier {
    private Classifier() {
    }

    /**
     * The invariant {@code t} stands for, or null when it names none (a crash, a timeout, a bug in
     * the test): such a failure must not count as a catch. A test's own violation first, then the
     * allocator's rule ({@link Invariant#of(Throwable)}).
     */
    public static Invariant of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvariantViolation v) {
                return v.invariant();
            }
        }
        return Invariant.of(t);
    }

    /**
     * {@code t} as the {@link InvariantViolation} it stands for, or unchanged (wrapped if checked)
     * when it names none.
     */
    public static RuntimeException asViolation(Throwable t, String where) {
        Invariant invariant = of(t);
        if (invariant != null) {
            throw new InvariantViolation(invariant, where + ": " + t, t);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(where, t);
    }
}
