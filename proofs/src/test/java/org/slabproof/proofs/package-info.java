/**
 * Exhaustive-interleaving proofs of the protocol with vmlens: every two-thread cell ({@link
 * org.slabproof.proofs.Cells}) on a tiny SuperSlab of the real classes, under both accounting
 * policies, asserting the invariants I1..I6 by name ({@link org.slabproof.proofs.Invariant}).
 *
 * <p>A proof is a cell whose exploration completed (no iteration cap, no other vmlens limit)
 * with every invariant holding and no data race; {@link org.slabproof.proofs.ProofReport} prints
 * the table and fails the build otherwise. With {@code -Dproofs.protocol=<id>} the same cells run
 * against one protocol, as the mutation gate's vmlens engine: the build then fails when the
 * protocol is caught. Run through the vmlens-maven-plugin only ({@code ./mvnw -pl proofs verify}):
 * without its agent nothing is explored, and the harness reports that instead of passing.
 */
package org.slabproof.proofs;
