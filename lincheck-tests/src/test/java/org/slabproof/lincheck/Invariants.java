package org.slabproof.lincheck;

import org.slabproof.superslab.RemoteStack;
import org.slabproof.superslab.Slab;
import org.slabproof.superslab.SuperSlab;

/**
 * The quiescent-point checks shared by the scenarios: the allocator's own equation
 * ({@link SuperSlab#validate()}) plus the same invariants recomputed from what the scenario knows
 * independently, namely which blocks it holds live. The allocator's {@code used} counters could
 * be wrong in the same way as its active count; the scenario's own list of live blocks cannot.
 *
 * <p>Quiescent points only (Lincheck's {@code @Validate}): the walks read free lists that owners
 * and remote threads change without locks.
 */
final class Invariants {
    private Invariants() {
    }

    /**
     * Checks I1, I2 and I6 on a SuperSlab that is not released.
     *
     * @param live addresses of the blocks the scenario holds live (0 = empty slot), in any SuperSlab
     * @throws InvariantViolation naming the broken invariant
     */
    static void checkUnreleased(SuperSlab ss, long[] live) {
        int state = ss.state();
        if (state == SuperSlab.CLAIMED) {
            throw new InvariantViolation("I5: " + ss + " is still CLAIMED at a quiescent point: a claim was not given back");
        }
        String problem = ss.validate();
        if (problem != null) {
            throw new InvariantViolation(problem);
        }
        int liveInSuperSlab = 0;
        int pending = 0;
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            Slab slab = ss.slab(i);
            int liveInSlab = countIn(slab.start(), (long) slab.capacity() * slab.blockSize(), live);
            int remote = remoteLength(slab);
            if (liveInSlab + slab.freeBlocks() + remote != slab.capacity()) {
                throw new InvariantViolation("I2: slab " + i + " of " + ss + ": " + liveInSlab + " live + "
                        + slab.freeBlocks() + " local free or uncarved + " + remote + " on the remote stack != capacity "
                        + slab.capacity() + " (a block is lost or in two places)");
            }
            liveInSuperSlab += liveInSlab;
            pending += remote;
        }
        boolean countsPending = ss.protocol().policy().countsRemotePending();
        int expected = liveInSuperSlab + (countsPending ? pending : 0);
        if (ss.activeBlocks() != expected) {
            throw new InvariantViolation("I1: " + ss + " counts " + ss.activeBlocks() + " active blocks but "
                    + liveInSuperSlab + " are live" + (countsPending ? " and " + pending + " remote-pending" : ""));
        }
        if (state == SuperSlab.ABANDONED && expected == 0) {
            throw new InvariantViolation("I6: " + ss + " is abandoned and empty but nobody released it");
        }
    }

    /** Blocks of {@code live} in {@code [start, start + size)}. */
    static int countIn(long start, long size, long[] live) {
        int n = 0;
        for (long b : live) {
            n += b != 0 && b - start >= 0 && b - start < size ? 1 : 0;
        }
        return n;
    }

    /** Length of a slab's remote stack, walked at most capacity steps (a longer walk is a cycle). */
    static int remoteLength(Slab slab) {
        RemoteStack remote = slab.remote();
        int n = 0;
        for (long b = remote.peekHead(); b != 0; b = remote.link(b)) {
            if (++n > slab.capacity()) {
                throw new InvariantViolation("I2: the remote stack of slab " + slab.index() + " of "
                        + slab.superSlab() + " is longer than the slab: a cycle");
            }
        }
        return n;
    }
}
