package org.slabproof.jcstress.gate;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.slabproof.jcstress.CellTest;

/**
 * The gate's grading of one selected test: its verdict, and for a failure the FORBIDDEN rows of
 * its outcome table that were observed and the invariants those rows name.
 *
 * @param name       the test's name in jcstress's test list ({@code org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.DecBeforePublish})
 * @param protocol   the protocol the test runs, from its nested class's name ({@code dec-before-publish})
 * @param verdict    the gate's verdict
 * @param status     jcstress's status of the merged result ({@code NORMAL}, {@code TEST_ERROR}, ...), or {@code NOT_RUN}
 * @param samples    samples over all configurations
 * @param forbidden  the observed outcomes a FORBIDDEN row graded, most frequent first
 * @param invariants the invariants the observed FORBIDDEN rows name (the catch-all row names none)
 * @param outcomes   every observed outcome, most frequent first
 * @param messages   jcstress's messages and the forks' error output, for an error's cause
 */
record TestReport(String name, String protocol, Verdict verdict, String status, long samples,
        List<Outcome> forbidden, SortedSet<String> invariants, List<Outcome> outcomes, List<String> messages) {

    /**
     * One observed outcome and the row of the outcome table that graded it.
     *
     * @param outcome     the outcome as the actors and the arbiter reported it
     * @param count       how many samples produced it
     * @param expect      the row's grade
     * @param row         the row's id (a regular expression); for the catch-all row, its empty id
     * @param catchAll    true when no row with an id matched, so the row without one graded it
     * @param description the row's {@code desc}
     * @param invariants  the invariants the row names; none for the catch-all row
     */
    record Outcome(String outcome, long count, Expect expect, String row, boolean catchAll, String description,
            SortedSet<String> invariants) {
    }

    /**
     * A row names invariants by starting its {@code desc} with them: {@code "I4: ..."} or
     * {@code "I1, I3: ..."}. A range such as the catch-all's {@code "I1..I5: any other ..."}
     * names no single invariant, so it does not match.
     */
    private static final Pattern NAMED = Pattern.compile("^(I[1-6](?:, ?I[1-6])*):");

    /**
     * Grades one test. Each observed outcome is graded by the row jcstress grades it by (see
     * {@link #rowOf}), and the test passes by jcstress's own rule ({@link TestGrading#passed}).
     *
     * @param info   the test as jcstress's test list holds it (a {@code @JCStressMeta} table is already merged in)
     * @param result its result merged over all configurations, or null if jcstress recorded none
     */
    static TestReport grade(TestInfo info, TestResult result) {
        String protocol = protocolOf(info.name());
        if (result == null) {
            return new TestReport(info.name(), protocol, Verdict.NOT_RUN, "NOT_RUN", 0, List.of(), new TreeSet<>(),
                    List.of(), List.of());
        }
        List<Outcome> outcomes = result.getStateKeys().stream().map(s -> outcome(info, s, result.getCount(s)))
                .sorted((x, y) -> Long.compare(y.count(), x.count())).toList();
        List<Outcome> forbidden = outcomes.stream().filter(o -> o.expect() == Expect.FORBIDDEN && o.count() > 0)
                .toList();
        SortedSet<String> invariants = forbidden.stream().flatMap(o -> o.invariants().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        long samples = result.getTotalCount();
        boolean graded = outcomes.stream().allMatch(o -> TestGrading.passed(o.expect(), o.count()));
        Verdict verdict = !forbidden.isEmpty() ? Verdict.FAILED
                : result.status() == Status.NORMAL && samples > 0 && graded ? Verdict.PASS : Verdict.ERROR;
        List<String> messages = Stream.of(result.getMessages(), result.getVmErr()).flatMap(Collection::stream)
                .filter(m -> !ReportUtils.skipMessage(m)).toList();
        return new TestReport(info.name(), protocol, verdict, result.status().name(), samples, forbidden, invariants,
                outcomes, messages);
    }

    private static Outcome outcome(TestInfo info, String state, long count) {
        Optional<StateCase> named = rowOf(info, state);
        StateCase row = named.orElse(info.unmatched());
        SortedSet<String> invariants = new TreeSet<>();
        if (named.isPresent()) {
            invariants.addAll(invariantsNamed(row.description()));
            if (row.expect() == Expect.FORBIDDEN) {
                invariants.addAll(tokensOf(state));
            }
        }
        return new Outcome(state, count, row.expect(), row.matchPattern(), named.isEmpty(), row.description(),
                invariants);
    }

    /**
     * The row with an id that grades {@code state}, by jcstress's own rule ({@link TestGrading}):
     * a row whose id equals it, else the first row whose id matches it as a regular expression.
     * Empty when only the catch-all row (the one without an id) grades it. {@link TestGrading}
     * itself keeps only the row's description, which cannot tell the catch-all from a named row.
     */
    static Optional<StateCase> rowOf(TestInfo info, String state) {
        return info.cases().stream().filter(c -> c.matchesExactly(state)).findFirst()
                .or(() -> info.cases().stream().filter(c -> c.matches(state)).findFirst());
    }

    /**
     * The invariants an outcome names as tokens ({@code "remote, remote, I2 I1"}): the shared
     * check names every invariant it found broken, causes first, while jcstress grades the
     * outcome by the first row that matches (here I1's); a forbidden outcome counts for all of them.
     */
    static SortedSet<String> tokensOf(String state) {
        return TOKEN.matcher(state).results().map(MatchResult::group).collect(Collectors.toCollection(TreeSet::new));
    }

    private static final Pattern TOKEN = Pattern.compile("\\bI[1-6]\\b");

    /** The invariants a row's description starts with ({@code "I1, I3: ..."}), or none. */
    static SortedSet<String> invariantsNamed(String description) {
        Matcher m = NAMED.matcher(description == null ? "" : description);
        return m.find() ? Stream.of(m.group(1).split(", ?")).collect(Collectors.toCollection(TreeSet::new))
                : new TreeSet<>();
    }

    /**
     * The protocol id of a test, from its nested class's simple name, by the rule the tests
     * themselves run it by ({@link CellTest#protocolId}: {@code RacyPush} runs {@code racy-push}).
     */
    static String protocolOf(String testName) {
        return CellTest.protocolId(testName.substring(testName.lastIndexOf('.') + 1));
    }

    /** {@code Cell.Protocol}: the test's name without its package. */
    String shortName() {
        return name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
    }

    /** What the verdict rests on, in one line: the FORBIDDEN rows seen, the error, or the sample count. */
    String details() {
        return switch (verdict) {
            case PASS -> String.format(Locale.ROOT, "%,d samples, %d outcomes seen", samples, outcomes.size());
            case FAILED -> (invariants.isEmpty() ? "no invariant named" : String.join(", ", invariants))
                    + forbidden.stream().map(o -> String.format(Locale.ROOT, "\"%s\" x%,d of %,d samples: %s",
                            o.outcome(), o.count(), samples, o.description()))
                            .collect(Collectors.joining("; ", " (", ")"));
            case ERROR -> samples == 0 && status.equals("NORMAL") ? "ran but collected no samples"
                    : "jcstress status " + status + outcomes.stream().filter(o -> o.expect() == Expect.UNKNOWN)
                            .map(o -> ", ungraded outcome \"" + o.outcome() + "\"").collect(Collectors.joining())
                            + messages.stream().limit(2).map(m -> ": " + m).collect(Collectors.joining());
            case NOT_RUN -> "no result: not run (more actors than CPUs? the fork died?)";
        };
    }
}
