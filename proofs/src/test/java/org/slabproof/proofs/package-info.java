/**
 * Exhaustive-interleaving proofs of the protocol with vmlens: every cell of the interleaving
 * matrix (the test kit's {@link org.slabproof.testkit.cells.Cells}, over the real heap and trimmer
 * steps) under both accounting policies, each failure naming the invariant (I1..I6) it broke.
 *
 * <p>A proof is a cell whose exploration completed (no iteration cap, no time budget used up, no
 * other vmlens limit) with every invariant holding and no data race;
 * {@link org.slabproof.proofs.ProofReport} prints the table and fails the build otherwise. With
 * {@code -Dproofs.protocol=a,b,c} the cells that target each listed protocol run against it, as
 * the mutation gate's vmlens engine, and the report writes one verdict per protocol. Run through
 * Maven only ({@code ./mvnw -pl proofs -am verify}): without the vmlens agent nothing is explored,
 * and the harness reports that instead of passing.
 */
package org.slabproof.proofs;
