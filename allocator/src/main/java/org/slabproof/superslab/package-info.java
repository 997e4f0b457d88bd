/**
 * The protocol: SuperSlabs, slabs, remote-free stacks, drains, the active-block count and the
 * claim-then-release lifecycle, with the invariants I1..I6 that the suites prove.
 *
 * <h2>Invariants (names used throughout the code and the tests)</h2>
 * <ul>
 * <li><b>I1 accounting</b>: at every quiescent point {@link org.slabproof.superslab.SuperSlab#activeBlocks()}
 *     equals the number of live blocks of the SuperSlab; it never goes below zero, and under
 *     decrement-at-free it never reads zero while a block is live.</li>
 * <li><b>I2 no loss</b>: a free block is in exactly one place: a local freelist, a remote stack,
 *     or not yet carved. Per slab: {@code used + localFree + uncarved == capacity} where
 *     {@code used} counts live and remote-pending blocks ({@link org.slabproof.superslab.Slab#validate()}).</li>
 * <li><b>I3 single zero transition</b>: the decrement that makes the count zero is observed by
 *     exactly one thread ({@code getAndAdd} returns exactly the amount subtracted).</li>
 * <li><b>I4 no touch after release</b>: a remote free publishes its block, then decrements, and
 *     touches the SuperSlab's memory no more. A touch after release fails with an exception
 *     (the SuperSlab's FFM arena is closed), it never reaches unmapped memory.</li>
 * <li><b>I5 release only when empty and claimed</b>: release requires winning the CAS
 *     {@code ABANDONED -> CLAIMED}, then seeing the count at zero; nobody can allocate from a
 *     claimed SuperSlab, so the zero is stable.</li>
 * <li><b>I6 reclamation progresses</b>: a dead owner's SuperSlabs are abandoned by the reaper,
 *     drained by adopters or by the trimmer, and released by whoever sees them empty.</li>
 * </ul>
 *
 * <h2>Access-mode conventions</h2>
 * Fields written by one thread only (the owner, or the claimant of a CLAIMED SuperSlab) are
 * plain; their hand-over between threads is ordered by the volatile write or CAS of
 * {@code SuperSlab.state}. Fields written by several threads ({@code totalActiveBlocks},
 * {@code state}, the remote stack's {@code head} and {@code count}) are
 * {@code java.util.concurrent.atomic} objects (volatile semantics); vmlens traces those and not
 * VarHandles, so the exhaustive-interleaving proofs see every step.
 * Links inside blocks are plain writes into off-heap memory, published by the CAS that makes the
 * block reachable.
 */
package org.slabproof.superslab;
