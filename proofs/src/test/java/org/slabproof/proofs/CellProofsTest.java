package org.slabproof.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every two-thread cell under every protocol of this run: both correct policies for the proof run,
 * the selected protocol for a gate run ({@code -Dproofs.protocol=<id>}). A proof run passes only if
 * every cell was explored completely without a violation; a gate run fails where the variant is
 * caught. Runs only under the vmlens-maven-plugin, which attaches the agent, and only once
 * {@link EngineCheck} has shown that vmlens sees the protocol's atomic steps: otherwise every cell
 * would "pass" vacuously.
 */
class CellProofsTest {
    @BeforeAll
    static void vmlensMustSeeTheProtocol() throws InterruptedException {
        EngineCheck.requireVmlensSeesTheProtocol();
    }

    @TestFactory
    Stream<DynamicTest> everyCellUnderEveryProtocol() {
        int cap = ProofConfig.maxIterations();
        return ProofConfig.protocols().stream().flatMap(protocol -> ProofConfig.cells().stream()
                .map(cell -> DynamicTest.dynamicTest(TwoThreadProof.vmlensName(cell.id(), protocol), () -> {
                    ProofRow row = TwoThreadProof.explore(cell, protocol, cap);
                    assertEquals(Verdict.PROVEN, row.verdict(), row.vmlensName() + ": " + row.detail());
                })));
    }

    @AfterAll
    static void writeResults() {
        ProofLog.flush();
    }
}
