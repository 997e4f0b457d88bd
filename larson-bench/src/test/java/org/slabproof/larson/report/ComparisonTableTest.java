package org.slabproof.larson.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.Workload;

/** Medians and ratios of a comparison, from results written out by hand. */
class ComparisonTableTest {

    private static RunResult run(String allocator, String variant, RunStatus status, long mallocs, long ssPeak) {
        SuperSlabFigures f = ssPeak < 0 ? null : new SuperSlabFigures(ssPeak, 0, ssPeak, ssPeak, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new RunResult(Workload.LARSON, allocator, variant, "", "1 8 16 4 1 1 1", status, null, 1.0, mallocs, mallocs, 1,
                100L << 20, f, f, List.of(), Double.NaN);
    }

    @Test
    void mediansOfCompletedRunsAndRatiosToTheFirstEntry() {
        List<RunResult> results = List.of(
                run("slabproof", null, RunStatus.OK, 300, 5), run("heap", null, RunStatus.OK, 100, -1),
                run("slabproof", null, RunStatus.OK, 100, 7), run("heap", null, RunStatus.OK, 50, -1),
                run("slabproof", null, RunStatus.OK, 200, 6), run("heap", null, RunStatus.OK, 400, -1),
                run("heap", null, RunStatus.OK, 60, -1),
                run("slabproof", "seed-missing-remote-dec", RunStatus.MAPPED_MEMORY_EXHAUSTED, 10, 128));
        ComparisonTable t = new ComparisonTable(results,
                List.of("slabproof", "heap", "slabproof@seed-missing-remote-dec"));
        ComparisonTable.Row slab = t.rows().get(0);
        ComparisonTable.Row heap = t.rows().get(1);
        ComparisonTable.Row seed = t.rows().get(2);
        assertEquals(200, slab.medianThroughput(), 1e-9);
        assertEquals(1.0, slab.ratio(), 1e-12);
        assertEquals(7, slab.superSlabsPeak());
        assertEquals(80, heap.medianThroughput(), 1e-9, "even count: mean of 60 and 100");
        assertEquals(0.4, heap.ratio(), 1e-12);
        assertEquals(50, heap.minThroughput(), 1e-9);
        assertEquals(400, heap.maxThroughput(), 1e-9);
        assertEquals(-1, heap.superSlabsPeak());
        assertEquals(0, seed.completed());
        assertEquals(1, seed.capHits());
        assertTrue(Double.isNaN(seed.medianThroughput()), "a run that hit the cap has no throughput to rank");
        String text = t.format();
        assertTrue(text.contains("slabproof@seed-missing-remote-dec"), text);
        assertTrue(text.contains("0.400"), text);
    }
}
