package org.slabproof.larson;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slabproof.Invariant;
import org.slabproof.Violation;

/**
 * Which invariants a run found broken: the one its failure stands for ({@link Invariant#of}: the
 * cap reached stands for I6, a count driven below zero for I1, a touch of released memory for I4)
 * and those the check after cleanup found. A failure that stands for none (say, a thread that could
 * not be created) names none: the mutation gate does not count it as a catch.
 */
final class Breakage {
    private Breakage() {
    }

    /** The names, comma-separated in order ({@code "I1,I6"}), or null when nothing names one. */
    static String invariants(Throwable failure, List<Violation> found) {
        Set<Invariant> broken = new TreeSet<>();
        Invariant fromFailure = Invariant.of(failure);
        if (fromFailure != null) {
            broken.add(fromFailure);
        }
        for (Violation v : found) {
            broken.add(v.invariant());
        }
        return broken.isEmpty() ? null : String.join(",", broken.stream().map(Enum::name).toList());
    }
}
