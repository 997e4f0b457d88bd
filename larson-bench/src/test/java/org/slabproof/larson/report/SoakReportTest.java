package org.slabproof.larson.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.Workload;
import org.slabproof.larson.telemetry.Sample;

/** The soak's steady state, peaks, and the allocator's share above the no-op baseline, from runs written by hand. */
class SoakReportTest {
    private static final long MIB = 1 << 20;

    private static RunResult slab() {
        SuperSlabFigures end = new SuperSlabFigures(20, 12, 8, 10, 20 * MIB, 0, 0, 0, 0, 0, 0, 0, 0);
        return new RunResult(Workload.LARSON, "slabproof", null, "", "4 8 128 1024 1 12345 4", RunStatus.OK, null, 4,
                100, 100, 4, 120 * MIB, end, end, List.of(
                        new Sample(0, 0, 2, 2, 0, 4 * MIB, 70 * MIB),
                        new Sample(1, 10, 9, 12, 3, 18 * MIB, 95 * MIB),
                        new Sample(2, 20, 8, 14, 6, 16 * MIB, 100 * MIB),
                        new Sample(3, 30, 8, 18, 10, 16 * MIB, 101 * MIB),
                        new Sample(4, 40, 7, 19, 12, 14 * MIB, 110 * MIB)), Double.NaN);
    }

    private static RunResult noop() {
        return new RunResult(Workload.LARSON, "noop", null, "", "4 8 128 1024 1 12345 4", RunStatus.OK, null, 4, 1000,
                1000, 4, 95 * MIB, null, null, List.of(new Sample(0, 0, -1, -1, -1, -1, 60 * MIB),
                        new Sample(2, 500, -1, -1, -1, -1, 90 * MIB), new Sample(4, 1000, -1, -1, -1, -1, 92 * MIB)),
                Double.NaN);
    }

    @Test
    void steadyStateIsTheMedianOfTheSecondHalfAndTheShareIsAboveTheBaseline() {
        List<SoakReport.Row> rows = SoakReport.rows(List.of(slab(), noop()));
        SoakReport.Row s = rows.get(0);
        assertEquals(14, s.allocatedAtHalf(), "the last sample at or before 2 s");
        assertEquals(20, s.allocatedAtEnd());
        assertEquals(6, s.freedAtHalf());
        assertEquals(12, s.freedAtEnd());
        assertEquals(8, s.liveSteady(), "median of 8, 8, 7 (samples at 2, 3, 4 s)");
        assertEquals(16 * MIB, s.mappedSteadyBytes());
        assertEquals(20 * MIB, s.mappedPeakBytes());
        assertEquals(101 * MIB, s.rssSteadyBytes(), "median of 100, 101, 110");
        assertEquals(90 * MIB, rows.get(1).rssSteadyBytes(), "noop: median of 90 and 92 is the lower middle");
        assertEquals(11 * MIB, s.rssAboveBaselineBytes());
        assertEquals(0, rows.get(1).rssAboveBaselineBytes());
        assertEquals(-1, rows.get(1).mappedSteadyBytes());
    }

    @Test
    void printedVerdictNamesEachCriterion() {
        String text = SoakReport.format(List.of(slab(), noop()));
        assertTrue(text.contains("slabproof: ran to the end without running out of memory: yes; second half: SuperSlabs "
                + "mapped +6, freed +6, so live did not grow; allocator's own memory (mapped, steady) 16.0 MiB, under 100 MB"),
                text);
        assertTrue(text.contains("11.0"), text);
    }

    @Test
    void withoutABaselineTheShareIsNotMadeUp() {
        assertEquals(Long.MIN_VALUE, SoakReport.rows(List.of(slab())).get(0).rssAboveBaselineBytes());
        assertTrue(SoakReport.format(List.of(slab())).contains("n/a"));
    }
}
