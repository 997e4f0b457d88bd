/**
 * The protocol: SuperSlabs, slabs, remote-free stacks, drains, the active-block count, pinning,
 * and the claim-then-release lifecycle, with the invariants I1..I6 ({@link org.slabproof.Invariant})
 * that the suites prove. Every step that races with another thread is one method of
 * {@link org.slabproof.superslab.FreeProtocol}.
 *
 * <h2>Invariants, as this package keeps them</h2>
 * <ul>
 * <li><b>I1 accounting</b>: at every quiescent point the count equals what the policy says:
 *     under decrement-at-free {@code totalActiveBlocks == live + the owner's credit} (credit only
 *     while the SuperSlab is pinned), under decrement-at-drain the owner-private count (the sum of
 *     the slabs' {@code used}) {@code == live + remote-pending}. Never below zero; under
 *     decrement-at-free never zero while a block is live.</li>
 * <li><b>I2 no loss</b>: a free block is in exactly one place: a local freelist, a remote stack,
 *     or not yet carved. Per slab: {@code used + localFree + uncarved == capacity}, where
 *     {@code used} counts live and remote-pending blocks ({@link org.slabproof.superslab.Slab#validate()}).</li>
 * <li><b>I3 single zero transition</b>: the subtraction that makes the shared count zero is
 *     observed by exactly one thread ({@code getAndAdd} returns exactly the amount subtracted);
 *     the owner-private count has one writer at a time.</li>
 * <li><b>I4 no touch after release</b>: a remote free publishes its block, then decrements, and
 *     touches the SuperSlab's memory no more. A touch after release fails with an exception (the
 *     SuperSlab's FFM arena is closed); it never reaches unmapped memory.</li>
 * <li><b>I5 release only when empty and claimed</b>: release requires winning the CAS from IDLE
 *     or ABANDONED to CLAIMED, then a drain, then the count at zero; a pinned (OWNED) SuperSlab
 *     cannot be claimed.</li>
 * <li><b>I6 reclamation progresses</b>: a dead owner's heap is closed by the reaper; SuperSlabs
 *     that leave their owner (unpinned, abandoned, given back) are released at once when empty, or
 *     found by the trimmer, which drains and releases them even while their owner lives.</li>
 * </ul>
 *
 * <h2>Access-mode conventions</h2>
 * Fields written by one thread at a time (the owner, or the claimant of a CLAIMED SuperSlab) are
 * plain; their hand-over between threads is ordered by the volatile write or CAS of the
 * SuperSlab's state. Fields written by several threads (the shared count, the state, the remote
 * stack's head and count) are {@code java.util.concurrent.atomic} objects (volatile semantics);
 * vmlens traces those and not VarHandles, so the exhaustive-interleaving proofs see every step.
 * The one exception is a slab's carve counter, which other threads' frees read to validate an
 * address: release stores and acquire loads through a VarHandle, an ordering vmlens cannot see and
 * jcstress covers. Links inside blocks are plain writes into off-heap memory, published by the CAS
 * that makes the block reachable.
 */
package org.slabproof.superslab;
