package org.slabproof.jcstress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Grading one test: the jar's test list read through jcstress, the row behind each outcome, the
 * invariants a row names (none for the catch-all), {@code @JCStressMeta} tables, and the verdicts.
 */
class TestReportTest {
    private static final String CELL_05 = "org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.";

    @Test
    void selectionReadsTheTestListThroughJcstress() throws Exception {
        List<TestInfo> selected = GateReport.selected(Pattern.compile("Matrix_05_[A-Za-z]+\\."));
        assertEquals(List.of(CELL_05 + "DecBeforePublish", CELL_05 + "DecrementAtDrain", CELL_05 + "DecrementAtFree",
                CELL_05 + "ReleaseWithoutDrain", CELL_05 + "SeedMissingRemoteDec"),
                selected.stream().map(TestInfo::name).toList());
        for (TestInfo t : selected) {
            assertEquals(List.of("first", "second"), t.actorNames(), t.name());
            assertEquals(Expect.FORBIDDEN, t.unmatched().expect(), t.name());
        }
    }

    @Test
    void aMetaTestIsGradedByItsMetaClassTable() {
        TestInfo variant = TestList.getInfo(CELL_05 + "DecBeforePublish");
        TestInfo policy = TestList.getInfo(CELL_05 + "DecrementAtFree");
        assertEquals(rows(policy), rows(variant));
        assertEquals(policy.unmatched().description(), variant.unmatched().description());

        TestReport.Outcome o = grade(variant, Map.of("I4, trim 1, ok", 12L)).forbidden().getFirst();
        assertEquals(".*\\bI4\\b.*", o.row());
        assertEquals(Set.of("I4"), o.invariants());

        // A variant built on decrement-at-drain is graded by that policy's table, not by the other's.
        TestInfo drainVariant = TestList.getInfo(CELL_05 + "ReleaseWithoutDrain");
        assertEquals(rows(TestList.getInfo(CELL_05 + "DecrementAtDrain")), rows(drainVariant));
        assertEquals(Expect.ACCEPTABLE, grade(drainVariant, Map.of("remote, trim 1, ok", 1L)).outcomes().getFirst().expect());
        assertEquals(Expect.FORBIDDEN, grade(variant, Map.of("remote, trim 1, ok", 1L)).outcomes().getFirst().expect());
    }

    @Test
    void aForbiddenOutcomeNamesTheInvariantsOfItsRow() {
        TestReport r = grade(TestList.getInfo(CELL_05 + "DecrementAtFree"),
                Map.of("released, trim 0, ok", 500L, "remote, trim 0, I1", 3L, "released, trim 0, I3", 1L));
        assertEquals(Verdict.FAILED, r.verdict());
        assertEquals(Set.of("I1", "I3"), r.invariants());
        assertEquals(List.of("remote, trim 0, I1", "released, trim 0, I3"),
                r.forbidden().stream().map(TestReport.Outcome::outcome).toList());
        assertEquals(504, r.samples());
        assertTrue(r.details().startsWith("I1, I3 (\"remote, trim 0, I1\" x3 of 504 samples: I1: "), r.details());

        // A row written for one wrong outcome names its invariant although no token does.
        TestReport both = grade(TestList.getInfo("org.slabproof.jcstress.Matrix_03_LastTwoRemoteFrees.DecrementAtFree"),
                Map.of("released, zero, ok", 1L));
        assertEquals(Set.of("I3"), both.invariants());
        assertEquals("(zero|released), (zero|released), .*", both.forbidden().getFirst().row());
    }

    @Test
    void anOutcomeOnlyTheCatchAllRowGradesNamesNoInvariant() {
        TestReport r = grade(TestList.getInfo(CELL_05 + "DecrementAtFree"),
                Map.of("released, trim 0, ok", 500L, "released, trim 2, ok", 2L));
        assertEquals(Verdict.FAILED, r.verdict());
        assertTrue(r.invariants().isEmpty());
        TestReport.Outcome o = r.forbidden().getFirst();
        assertTrue(o.catchAll());
        assertEquals("", o.row());
        assertEquals("any other outcome: a token or an order of events this cell cannot produce", o.description());
        assertTrue(r.details().startsWith("no invariant named (\"released, trim 2, ok\" x2"), r.details());
    }

    @Test
    void invariantsAreTheListADescriptionStartsWith() {
        assertEquals(Set.of("I4"), TestReport.invariantsNamed("I4: the free touched the SuperSlab after its release"));
        assertEquals(Set.of("I1", "I3"), TestReport.invariantsNamed("I1, I3: a free saw zero (I5 mentioned later)"));
        assertEquals(Set.of("I1", "I6"), TestReport.invariantsNamed("I6,I1: both"));
        assertEquals(Set.of(), TestReport.invariantsNamed("I1..I5: any other count or error token"));
        assertEquals(Set.of(), TestReport.invariantsNamed("the owner's free came first (I1)"));
        assertEquals(Set.of(), TestReport.invariantsNamed("I7: no such invariant"));
        assertEquals(Set.of(), TestReport.invariantsNamed(null));
    }

    @Test
    void aForbiddenOutcomeNamesEveryInvariantTokenItCarries() {
        assertEquals(Set.of("I1", "I2"), TestReport.tokensOf("remote, remote, I2 I1"));
        assertEquals(Set.of("I4"), TestReport.tokensOf("I4, trim 1, ok"));
        assertEquals(Set.of(), TestReport.tokensOf("remote, remote, ok"));
        assertEquals(Set.of(), TestReport.tokensOf("got b12, I10"));
    }

    @Test
    void theProtocolIsTheNestedClassName() {
        assertEquals("racy-push", TestReport.protocolOf("org.slabproof.jcstress.Matrix_01_PushPush.RacyPush"));
        assertEquals("seed-missing-remote-dec", TestReport.protocolOf(CELL_05 + "SeedMissingRemoteDec"));
        assertEquals("decrement-at-free", TestReport.protocolOf(CELL_05 + "DecrementAtFree"));
    }

    @Test
    void errorsNoSamplesAndMissingResults() {
        TestInfo info = TestList.getInfo(CELL_05 + "DecrementAtFree");
        TestResult crashed = new TestResult(Status.VM_ERROR);
        crashed.addMessage("fork died");
        TestReport error = TestReport.grade(info, crashed);
        assertEquals(Verdict.ERROR, error.verdict());
        assertEquals("jcstress status VM_ERROR: fork died", error.details());

        TestReport empty = TestReport.grade(info, new TestResult(Status.NORMAL));
        assertEquals(Verdict.ERROR, empty.verdict());
        assertEquals("ran but collected no samples", empty.details());

        TestReport notRun = TestReport.grade(info, null);
        assertEquals(Verdict.NOT_RUN, notRun.verdict());
        assertEquals("decrement-at-free", notRun.protocol());

        TestReport pass = grade(info, Map.of("released, trim 0, ok", 7L));
        assertEquals(Verdict.PASS, pass.verdict());
        assertEquals("7 samples, 1 outcomes seen", pass.details());
    }

    /** The report's row lookup must grade every recorded outcome exactly as jcstress's TestGrading did. */
    @Test
    void rowsAgreeWithJcstressGradingOnRecordedRuns() throws Exception {
        int checked = 0;
        for (String run : List.of("cell05-two-variants", "cell01-racy-push", "cell04-decrement-at-free")) {
            for (TestResult r : GateReport.results(recorded(run), new PrintStream(OutputStream.nullOutputStream()))
                    .values()) {
                TestReport report = TestReport.grade(TestList.getInfo(r.getName()), r);
                for (TestReport.Outcome o : report.outcomes()) {
                    GradingResult jcstress = r.grading().gradingResults.get(o.outcome());
                    assertEquals(jcstress.expect, o.expect(), o.outcome());
                    assertEquals(jcstress.description, o.description(), o.outcome());
                    assertEquals(jcstress.count, o.count(), o.outcome());
                    checked++;
                }
                assertEquals(r.grading().isPassed, report.verdict() == Verdict.PASS, r.getName());
            }
        }
        assertTrue(checked >= 6, "outcomes checked: " + checked);
    }

    @Test
    void protocolVerdictsTakeTheWorstTestAndEveryNamedInvariant() {
        TestInfo free03 = TestList.getInfo("org.slabproof.jcstress.Matrix_03_LastTwoRemoteFrees.SeedMissingRemoteDec");
        TestInfo free05 = TestList.getInfo(CELL_05 + "SeedMissingRemoteDec");
        TestInfo policy = TestList.getInfo(CELL_05 + "DecrementAtFree");
        List<ProtocolVerdict> verdicts = ProtocolVerdict.of(List.of(
                grade(free05, Map.of("remote, trim 0, I1", 9L)),
                TestReport.grade(free03, null),
                grade(policy, Map.of("released, trim 0, ok", 7L))));
        assertEquals(List.of("decrement-at-free\tPASS\t-", "seed-missing-remote-dec\tFAILED\tI1"),
                verdicts.stream().map(ProtocolVerdict::line).toList());
        assertEquals(List.of("seed-missing-remote-dec\tNOT RUN\t-"),
                ProtocolVerdict.of(List.of(TestReport.grade(free03, null), grade(free05,
                        Map.of("released, trim 0, ok", 7L)))).stream().map(ProtocolVerdict::line)
                        .toList());
    }

    static TestReport grade(TestInfo info, Map<String, Long> counts) {
        TestResult r = new TestResult(Status.NORMAL);
        counts.forEach(r::addState);
        return TestReport.grade(info, r);
    }

    static Path recorded(String run) throws URISyntaxException {
        return Path.of(TestReportTest.class.getResource("recorded/" + run).toURI());
    }

    private static List<String> rows(TestInfo info) {
        return info.cases().stream().map((StateCase c) -> c.expect() + " " + c.matchPattern() + " " + c.description())
                .toList();
    }
}
