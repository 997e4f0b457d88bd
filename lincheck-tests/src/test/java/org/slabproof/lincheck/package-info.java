/**
 * Lincheck suites of the free protocol: linearizability of each structure's results against a
 * tiny sequential specification, and the invariants I1..I6 checked by {@code @Validate} at every
 * quiescent point, in model checking and stress, for both accounting policies.
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>Scenario classes, one per structure, smallest first: {@link org.slabproof.lincheck.RemoteStackScenario},
 *     {@link org.slabproof.lincheck.CounterReleaseScenario}, {@link org.slabproof.lincheck.AllocatorScenario}.
 *     Each holds the structure under test as a field (built from the real classes with the
 *     protocol of {@link org.slabproof.lincheck.ProtocolUnderTest}), one-line operations, a
 *     nested {@code Spec} and one {@code @Validate}.</li>
 * <li>{@link org.slabproof.lincheck.Structure} pins each one's sizes, budget and the variants it
 *     must catch; {@link org.slabproof.lincheck.CheckOptions} turns them into Lincheck options
 *     (scaled by {@code -Dlincheck.thoroughness}); {@link org.slabproof.lincheck.LincheckRun}
 *     runs one (structure, protocol, strategy) and returns the failure report or null.</li>
 * <li>JUnit: {@code CorrectProtocolsTest} (no violation for either policy),
 *     {@code KnownBadVariantsTest} (every targeted variant fails; reports in
 *     {@code target/lincheck-reports}). The gate: {@link org.slabproof.lincheck.LincheckGate},
 *     run by {@code ci/lincheck-run}.</li>
 * </ul>
 */
package org.slabproof.lincheck;
