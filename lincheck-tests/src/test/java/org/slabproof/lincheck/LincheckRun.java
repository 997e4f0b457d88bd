package org.slabproof.lincheck;

import org.jetbrains.lincheck.LincheckAssertionError;

/**
 * Runs Lincheck on one structure for one protocol id in one mode, and says whether it found a
 * violation. Shared by the JUnit suites and the gate.
 */
public final class LincheckRun {
    private LincheckRun() {
    }

    /**
     * @return null if Lincheck found nothing, else its failure report (scenario, results and, in
     *         model checking, the interleaving)
     * @throws RuntimeException when Lincheck could not run (configuration, instrumentation): an
     *         error, never a verdict
     */
    public static String violation(Structure structure, String protocolId, CheckOptions.Mode mode) {
        try (ProtocolUnderTest.Selection selected = ProtocolUnderTest.select(protocolId)) {
            CheckOptions.of(mode, structure).check(structure.scenario);
            return null;
        } catch (LincheckAssertionError e) {
            return e.getMessage();
        }
    }
}
