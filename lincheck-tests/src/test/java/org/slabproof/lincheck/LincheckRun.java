package org.slabproof.lincheck;

import org.jetbrains.lincheck.LincheckAssertionError;

/**
 * Runs Lincheck on one structure for one protocol id in one mode, and says what it found. Shared
 * by the JUnit suites and the gate.
 */
public final class LincheckRun {
    private LincheckRun() {
    }

    /**
     * @return null if Lincheck found nothing, else what it found
     * @throws RuntimeException when Lincheck could not run (configuration, instrumentation): an
     *         error, never a verdict
     */
    public static Finding check(Structure structure, String protocolId, CheckOptions.Mode mode) {
        ProtocolUnderTest.Selection selection = ProtocolUnderTest.select(protocolId);
        try {
            CheckOptions.of(mode, structure, protocolId).check(structure.scenario);
            return null;
        } catch (LincheckAssertionError e) {
            return Finding.of(e, structure);
        } finally {
            selection.close();
        }
    }
}
