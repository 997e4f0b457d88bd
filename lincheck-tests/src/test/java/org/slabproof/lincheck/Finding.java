package org.slabproof.lincheck;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.strategy.IncorrectResultsFailure;
import org.jetbrains.kotlinx.lincheck.strategy.LincheckFailure;
import org.jetbrains.kotlinx.lincheck.strategy.UnexpectedExceptionFailure;
import org.jetbrains.kotlinx.lincheck.strategy.ValidationFailure;
import org.jetbrains.kotlinx.lincheck.util.ExceptionResult;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.slabproof.Invariant;
import org.slabproof.testkit.Classifier;

/**
 * What one Lincheck run found: its report (scenario, results and, in model checking, the
 * interleaving with source lines) and the invariants the failure names, read from Lincheck's
 * failure object, never parsed from its text.
 *
 * <p>How a failure names invariants: a failed {@code @Validate} by the {@code InvariantViolation}
 * it threw; results that differ from the specification by the exceptions among them, each through
 * {@link Classifier#of}, or, when no operation threw, by what the structure declares a wrong result
 * to stand for ({@link Structure#wrongResult()}). A deadlock, a livelock, a timeout, or an exception
 * the classifier does not know names nothing: such a failure is reported, but it is not a catch.
 *
 * @param report     Lincheck's report
 * @param invariants the invariants named; empty if none
 */
public record Finding(String report, Set<Invariant> invariants) {

    /**
     * The finding behind Lincheck's assertion error, for a run of {@code structure}. Lincheck 3.7
     * exposes the failure object only through its Kotlin-internal accessor; reading it still beats
     * parsing the report, whose wording is not an API either.
     */
    static Finding of(LincheckAssertionError error, Structure structure) {
        return new Finding(error.getMessage(), named(error.getFailure$lincheck(), structure.wrongResult()));
    }

    private static Set<Invariant> named(LincheckFailure failure, Invariant wrongResult) {
        Set<Invariant> named = EnumSet.noneOf(Invariant.class);
        switch (failure) {
            case ValidationFailure v -> addClassified(named, v.getException());
            case UnexpectedExceptionFailure u -> addClassified(named, u.getException());
            case IncorrectResultsFailure r -> {
                List<Throwable> thrown = thrown(r.getResults());
                if (thrown.isEmpty() && wrongResult != null) {
                    named.add(wrongResult);
                }
                thrown.forEach(t -> addClassified(named, t));
            }
            default -> {
                // deadlock, livelock, obstruction-freedom violation, timeout: no invariant
            }
        }
        return named;
    }

    private static void addClassified(Set<Invariant> named, Throwable t) {
        Invariant i = Classifier.of(t);
        if (i != null) {
            named.add(i);
        }
    }

    /** Every exception an operation threw, in any part of the scenario. */
    private static List<Throwable> thrown(ExecutionResult results) {
        List<LincheckResult> all = new ArrayList<>();
        if (results != null) {
            all.addAll(results.getInitResults());
            for (List<ResultWithClock> thread : results.getParallelResultsWithClock()) {
                thread.forEach(r -> all.add(r.getResult()));
            }
            all.addAll(results.getPostResults());
        }
        List<Throwable> thrown = new ArrayList<>();
        for (LincheckResult r : all) {
            if (r instanceof ExceptionResult e) {
                thrown.add(e.getThrowable());
            }
        }
        return thrown;
    }

    /** True if the failure names at least one invariant. */
    public boolean namesAny() {
        return !invariants.isEmpty();
    }

    /** The invariants as {@code I1,I6}, or {@code -} when none is named. */
    public String invariantList() {
        return invariants.isEmpty() ? "-" : invariants.stream().map(Invariant::name).collect(Collectors.joining(","));
    }
}
