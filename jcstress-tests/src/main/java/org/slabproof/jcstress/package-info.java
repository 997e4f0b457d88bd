/**
 * The interleaving matrix of the free protocol under the Java Memory Model: one jcstress test
 * class per cell ({@code Matrix_NN_XVsY}), run against the allocator's real classes through
 * {@link org.slabproof.testkit.ProtocolFixture}, never a re-implementation of them.
 *
 * <h2>Layout of a cell</h2>
 * The outer class is the scenario: its constructor (run once per sample, before the actors)
 * builds the SuperSlab's starting state with the protocol's own steps. Each nested class is one
 * jcstress test running that scenario under one protocol, named after it:
 * {@code DecrementAtFree} and {@code DecrementAtDrain} (the correct policies: they must never
 * produce a FORBIDDEN outcome) and one class per known-bad variant the cell is meant to catch
 * ({@code SeedMissingRemoteDec}, {@code DoubleDec}, {@code RacyPush}, {@code RacyDrain},
 * {@code DecBeforePublish}, {@code CheckThenRelease}, {@code DoubleZero}). The variants all
 * claim to implement decrement-at-free, so they are graded by its outcome table
 * ({@code @JCStressMeta(DecrementAtFree.class)}): the table is written once and a variant cannot
 * mark its own bug acceptable.
 *
 * <h2>Outcomes</h2>
 * Each actor reports what its step returned as a word ({@code zero}, {@code freed},
 * {@code released}, {@code kept}, {@code adopted, got a}, ...; blocks are lettered a..d in slab 0
 * and e..h in slab 1); the arbiter looks at the quiescent SuperSlab as the owner's next step
 * would. ACCEPTABLE rows list every outcome the correct policy allows, FORBIDDEN rows name the
 * invariant (I1..I5, see {@code org.slabproof.superslab}) an outcome violates, and a catch-all
 * FORBIDDEN row grades anything else. Violations the allocator detects itself (a count going
 * below zero, a touch of released memory) come back as tokens, see {@link org.slabproof.jcstress.Cell}.
 *
 * <h2>Running</h2>
 * At most two actors plus an arbiter per test: on a 2-CPU machine jcstress silently skips tests
 * with more actors than CPUs. The forked JVMs need {@code --enable-native-access=ALL-UNNAMED}.
 * {@code ci/jcstress-gate} builds {@code target/jcstress.jar}, runs the correct protocols (or,
 * with {@code --protocol <id>}, the cells targeting one variant), and fails on any FORBIDDEN,
 * ERROR or test that did not run.
 */
package org.slabproof.jcstress;
