package org.slabproof.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every cell of this run under its protocols: every shared cell under both correct policies for
 * the proof run, each listed protocol against the cells that target it for a gate run
 * ({@code -Dproofs.protocol=a,b,c}). In the proof run a cell passes only if it was explored
 * completely without a failing interleaving. In a gate run a cell is a probe, whose outcome
 * (caught, missed, inconclusive) only vmlens's report completes ({@link ProofReport}, after this
 * JVM): it fails here only if nothing was explored. Runs only with the vmlens agent attached, and
 * only once {@link EngineCheck} has shown that vmlens sees the protocol's atomic steps: otherwise
 * every cell would pass vacuously.
 */
class CellProofsTest {
    @BeforeAll
    static void vmlensMustSeeTheProtocol() throws Exception {
        Files.deleteIfExists(ProofLog.resultsFile(ProofConfig.outputDirectory()));   // no stale results
        Files.deleteIfExists(ProofLog.resultsFile(ProofConfig.outputDirectory()).resolveSibling("timed-out.txt"));
        Watchdog.start();
        EngineCheck.requireVmlensSeesTheProtocol();
    }

    @TestFactory
    Stream<DynamicTest> everyCellUnderEveryProtocol() {
        int cap = ProofConfig.maxIterations();
        return ProofConfig.protocols().stream().flatMap(protocol -> ProofConfig.cells(protocol).stream()
                .map(cell -> DynamicTest.dynamicTest(TwoThreadProof.vmlensName(cell.id(), protocol), () -> {
                    ProofRow row = TwoThreadProof.explore(cell, protocol, cap);
                    if (ProofConfig.gate()) {
                        assertNotEquals(Verdict.NOT_EXPLORED, row.verdict(), row.vmlensName() + ": " + row.detail());
                    } else {
                        assertEquals(Verdict.PROVEN, row.verdict(), row.vmlensName() + ": " + row.detail());
                    }
                })));
    }

    @AfterAll
    static void writeResults() {
        ProofLog.flush();
    }
}
