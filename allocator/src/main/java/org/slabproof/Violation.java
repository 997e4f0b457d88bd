package org.slabproof;

/**
 * A broken invariant found by a check at a quiescent point ({@link Allocator#checkInvariants()}),
 * with what was wrong in words.
 *
 * @param invariant the invariant that does not hold
 * @param what      what was found, e.g. {@code "SuperSlab #3: totalActiveBlocks=2 but 1 blocks are live"}
 */
public record Violation(Invariant invariant, String what) {
    /** {@code "I1 accounting: <what>"}. */
    @Override
    public String toString() {
        return invariant + ": " + what;
    }
}
