package org.slabproof.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.slabproof.Invariant;
import org.slabproof.MappedMemoryExhaustedException;

/**
 * A JUnit extension that reports a test's failure as the invariant it stands for, so that a
 * report (and the mutation gate reading it) names the invariant whatever threw: the test's own
 * {@link InvariantViolation}, or an allocator exception through {@link Classifier}. A failure
 * that stands for no invariant (a test bug, a timeout) is rethrown unchanged and never counts as
 * a catch.
 *
 * <p>Where a test bounds its memory by a mapped-memory cap far above what its workload needs (the
 * whole-allocator contract: a few MiB of live blocks, a 256 MiB cap), reaching the cap means
 * SuperSlabs were not reclaimed: I6. Such a test registers {@link #withCapMeaningI6()}.
 */
public final class NamesInvariant implements TestExecutionExceptionHandler {
    private final boolean capMeansI6;

    private NamesInvariant(boolean capMeansI6) {
        this.capMeansI6 = capMeansI6;
    }

    /** Names what the classifier names. */
    public static NamesInvariant byClassifier() {
        return new NamesInvariant(false);
    }

    /** Names what the classifier names, and a reached mapped-memory cap as I6. */
    public static NamesInvariant withCapMeaningI6() {
        return new NamesInvariant(true);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        Invariant invariant = Classifier.of(t);
        if (invariant == null && capMeansI6 && capReached(t)) {
            invariant = Invariant.I6;
        }
        if (invariant == null || t instanceof InvariantViolation) {
            throw t;
        }
        throw new InvariantViolation(invariant, t.toString(), t);
    }

    private static boolean capReached(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MappedMemoryExhaustedException) {
                return true;
            }
        }
        return false;
    }
}
