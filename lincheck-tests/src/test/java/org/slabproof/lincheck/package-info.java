/**
 * Lincheck suites of the free protocol: linearizability of each structure's results against a
 * tiny sequential specification, and the invariants I1..I6 checked by {@code @Validate} at every
 * quiescent point, in model checking and stress, for both accounting policies; every known-bad
 * variant caught by the structures that target it, with the broken invariant named.
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>Scenario classes, one per structure, smallest first: {@link org.slabproof.lincheck.RemoteStackScenario}
 *     (a real slab's remote stack), {@link org.slabproof.lincheck.LastFreesScenario} (the zero
 *     transition of an abandoned SuperSlab), {@link org.slabproof.lincheck.HeapScenario} (real heaps
 *     and trimmer of a tiny world), {@link org.slabproof.lincheck.AllocatorScenario} (the whole
 *     allocator). Each holds the structure under test as a field, built with the protocol of
 *     {@link org.slabproof.lincheck.ProtocolUnderTest}; one-line operations; a nested {@code Spec};
 *     one {@code @Validate}. The heap structures drive real heaps through
 *     {@link org.slabproof.lincheck.HeapRoles} and share one specification,
 *     {@link org.slabproof.lincheck.SlotOccupancy}.</li>
 * <li>{@link org.slabproof.lincheck.Structure} pins each one's sizes, its pinned shapes
 *     ({@link org.slabproof.lincheck.Pinned}), the invariant a wrong result stands for and the
 *     variants it must catch; {@link org.slabproof.lincheck.CheckOptions} holds every budget and
 *     turns them into Lincheck options; {@link org.slabproof.lincheck.LincheckRun} runs one
 *     (structure, protocol, strategy) and returns a {@link org.slabproof.lincheck.Finding}: the
 *     report and the invariants it names.</li>
 * <li>JUnit: {@code CorrectProtocolsTest} (no violation for either policy),
 *     {@code KnownBadVariantsTest} (every targeted variant fails, naming one of its invariants;
 *     reports in {@code target/lincheck-reports}). The batch gate:
 *     {@link org.slabproof.lincheck.LincheckGate}, run by {@code ci/lincheck-run}.</li>
 * </ul>
 */
package org.slabproof.lincheck;
