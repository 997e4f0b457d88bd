package org.slabproof.proofs;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.slabproof.variants.KnownBadVariant;
import org.slabproof.variants.ProtocolCatalog;

/**
 * Every cell of this run under its protocols: every shared cell under both correct policies for
 * the proof run, each listed protocol against the cells that target it for a gate run
 * ({@code -Dproofs.protocol=a,b,c}). In the proof run a cell fails on a failing interleaving, at
 * the iteration cap or when nothing was explored; a cell whose time budget ran out first passes
 * here as bounded, and the proof table says it is not proven. In a gate run a cell is a probe,
 * whose outcome (caught, missed, inconclusive) only vmlens's report completes
 * ({@link ProofReport}, after this JVM): it fails here only if nothing was explored. Runs only
 * with the vmlens agent attached, and only once {@link EngineCheck} has shown that vmlens sees the
 * protocol's atomic steps: otherwise every cell would pass vacuously.
 */
class CellProofsTest {
    @BeforeAll
    static void vmlensMustSeeTheProtocol() throws Exception {
        Files.deleteIfExists(ProofLog.resultsFile(ProofConfig.outputDirectory()));   // no stale results
        Files.deleteIfExists(ProofLog.resultsFile(ProofConfig.outputDirectory()).resolveSibling("timed-out.txt"));
        Watchdog.start();
        EngineCheck.requireVmlensSeesTheProtocol();
    }

    /**
     * Gate run: the known-bad variants a failing interleaving has caught so far, naming one of the
     * invariants the variant breaks, with the cell that caught each. A variant's verdict needs one
     * such catch; its later cells are skipped, which keeps the gate's long bug searches to the
     * variants that still need them.
     */
    private static final Map<String, String> CAUGHT = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> everyCellUnderEveryProtocol() {
        int cap = ProofConfig.maxIterations();
        return ProofConfig.protocols().stream().flatMap(protocol -> ProofConfig.cells(protocol).stream()
                .map(cell -> DynamicTest.dynamicTest(TwoThreadProof.vmlensName(cell.id(), protocol), () -> {
                    if (CAUGHT.containsKey(protocol)) {
                        TwoThreadProof.skip(cell, protocol, CAUGHT.get(protocol));
                        return;
                    }
                    ProofRow row = TwoThreadProof.explore(cell, protocol, cap);
                    if (ProofConfig.gate() && !ProtocolCatalog.correctIds().contains(protocol)
                            && row.invariants().stream().anyMatch(KnownBadVariant.fromId(protocol).breaks()::contains)) {
                        CAUGHT.put(protocol, cell.id());
                    }
                    if (ProofConfig.gate()) {
                        assertNotEquals(Verdict.NOT_EXPLORED, row.verdict(), row.vmlensName() + ": " + row.detail());
                    } else {
                        assertTrue(row.verdict() == Verdict.PROVEN || row.verdict() == Verdict.TIMED_OUT,
                                row.vmlensName() + ": " + row.verdict() + ", " + row.detail());
                    }
                })));
    }

    @AfterAll
    static void writeResults() {
        ProofLog.flush();
    }
}
