package org.slabproof.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.stats.Counters;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Slab;
import org.slabproof.superslab.SuperSlab;

/**
 * The one quiescent-point check every suite runs: the allocator's own equations
 * ({@link SuperSlab#validate()}) plus I1, I2, I3, I5 and I6 recomputed from what only the test
 * knows, namely which blocks it holds live. The allocator's own {@code used} counters could be
 * wrong in the same way as its count; the test's list of live blocks cannot.
 *
 * <p>Quiescent points only: no thread may be using the allocator, so the walks of free lists and
 * the reads of owner-private fields are safe.
 */
public final class QuiescentChecker {
    private QuiescentChecker() {
    }

    /**
     * Every violation found.
     *
     * @param live      addresses of the blocks the test holds live (0 = an empty slot)
     * @param afterTrim whether a trim pass ran since the last free: then an IDLE or ABANDONED
     *                  SuperSlab with no live block is an I6 violation
     */
    public static List<Violation> check(HeapEnvironment env, long[] live, boolean afterTrim) {
        List<Violation> found = new ArrayList<>();
        List<SuperSlab> superSlabs = env.pool().liveSuperSlabs();
        Set<Long> openHeaps = env.heaps().snapshot().stream().map(ThreadHeap::id).collect(Collectors.toSet());
        FreeProtocol protocol = env.protocol();
        boolean countsPending = protocol.policy().countsRemotePending();
        for (SuperSlab ss : superSlabs) {
            int kind = ss.kind();
            if (kind == SuperSlab.CLAIMED) {
                found.add(new Violation(Invariant.I5, ss + " is still CLAIMED at a quiescent point: a claim was not given back"));
                continue;
            }
            if (kind == SuperSlab.RELEASED) {
                found.add(new Violation(Invariant.I3, ss + " is RELEASED but its home still lists it"));
                continue;
            }
            if ((kind == SuperSlab.OWNED || kind == SuperSlab.IDLE) && !openHeaps.contains(SuperSlab.heapOf(ss.state()))) {
                found.add(new Violation(Invariant.I6, ss + " belongs to a heap that was closed: nobody will ever"
                        + " drain or release it"));
            }
            // I2 first, from what the test knows: a lost or duplicated block is the cause, a wrong count its effect.
            int liveInSuperSlab = 0;
            int pending = 0;
            for (int i = 0; i < ss.formattedSlabs(); i++) {
                Slab slab = ss.slab(i);
                int liveInSlab = countIn(slab.start(), (long) slab.capacity() * slab.blockSize(), live);
                int remote = slab.remoteLength();
                if (remote < 0) {
                    found.add(new Violation(Invariant.I2, "the remote stack of slab " + i + " of " + ss
                            + " is longer than the slab: a cycle"));
                    continue;
                }
                if (liveInSlab + slab.freeBlocks() + remote != slab.capacity()) {
                    found.add(new Violation(Invariant.I2, "slab " + i + " of " + ss + ": " + liveInSlab + " live + "
                            + slab.freeBlocks() + " local free or uncarved + " + remote + " on the remote stack != capacity "
                            + slab.capacity() + " (a block is lost or in two places)"));
                }
                liveInSuperSlab += liveInSlab;
                pending += remote;
            }
            Violation own = ss.validate();
            if (own != null) {
                found.add(own);
            }
            if (kind != SuperSlab.OWNED && ss.credit() != 0) {
                found.add(new Violation(Invariant.I1, ss + " holds " + ss.credit() + " credit while no owner has it"
                        + " pinned: credit must be returned before the pin is given up"));
            }
            int expected = liveInSuperSlab + (countsPending ? pending : 0);
            int active = protocol.activeBlocks(ss);
            if (active != expected) {
                found.add(new Violation(Invariant.I1, ss + " counts " + active + " active blocks but " + liveInSuperSlab
                        + " are live" + (countsPending ? " and " + pending + " remote-pending" : "")));
            }
            if (afterTrim && liveInSuperSlab == 0 && (kind == SuperSlab.IDLE || kind == SuperSlab.ABANDONED)) {
                found.add(new Violation(Invariant.I6, ss + " has no live block and no pinning owner, and the trim pass"
                        + " did not release it"));
            }
        }
        for (long block : live) {
            if (block != 0 && superSlabs.stream().noneMatch(ss -> ss.contains(block))) {
                found.add(new Violation(Invariant.I5, "live block 0x" + Long.toHexString(block)
                        + " is in a released SuperSlab"));
            }
        }
        Counters c = env.counters();
        long mapped = c.superSlabsAllocated.get();
        long released = c.superSlabsFreed.get();
        if (mapped != released + superSlabs.size()) {
            found.add(new Violation(Invariant.I3, mapped + " SuperSlabs mapped, " + released + " releases counted, "
                    + superSlabs.size() + " live: a SuperSlab was released twice (or lost)"));
        }
        return found;
    }

    /** Throws the violations found, as an {@link InvariantViolation} (see {@link InvariantViolation#of}). */
    public static void require(HeapEnvironment env, long[] live, boolean afterTrim) {
        List<Violation> found = check(env, live, afterTrim);
        if (!found.isEmpty()) {
            throw InvariantViolation.of(found);
        }
    }

    /** Blocks of {@code live} in {@code [start, start + size)}. */
    public static int countIn(long start, long size, long[] live) {
        int n = 0;
        for (long b : live) {
            n += b != 0 && b - start >= 0 && b - start < size ? 1 : 0;
        }
        return n;
    }
}
