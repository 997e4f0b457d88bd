package org.slabproof.testkit;

import org.slabproof.AllocatorException;
import org.slabproof.Invariant;

/**
 * The one place that says which invariant an exception seen by a suite stands for, when the
 * suite itself did nothing wrong: the allocator's errors name theirs
 * ({@link AllocatorException#invariant()}), a test's own {@link InvariantViolation} carries one,
 * and an {@link IllegalStateException} thrown by the FFM runtime's scope check is a touch of a
 * SuperSlab whose memory was closed by its release (I4), the same rule the allocator applies when
 * it turns one into a {@code UseAfterReleaseException}.
 */
public final class Classifier {
    private Classifier() {
    }

    /**
     * The invariant {@code t} stands for, or null when it names none (a crash, a timeout, a bug in
     * the test): such a failure must not count as a catch.
     */
    public static Invariant of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvariantViolation v) {
                return v.invariant();
            }
            if (c instanceof AllocatorException e && e.invariant() != null) {
                return e.invariant();
            }
            if (c instanceof IllegalStateException && closedMemory(c)) {
                return Invariant.I4;
            }
        }
        return null;
    }

    /** Thrown by the FFM runtime's check that a segment's scope is alive: the memory was closed. */
    private static boolean closedMemory(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("jdk.internal.foreign.");
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
