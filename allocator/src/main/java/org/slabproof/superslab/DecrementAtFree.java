package org.slabproof.superslab;

import org.slabproof.AccountingPolicy;
import org.slabproof.Invariant;
import org.slabproof.Violation;

/**
 * Decrement-at-free (the seed's Option A), with owner credit so that the owner's fast path takes
 * no atomic step: a remote free publishes the block on the remote stack, then decrements the
 * shared count, and touches the SuperSlab no more (I4); the drain only moves blocks.
 *
 * <p>Implementation notes. The owner counts ahead: when a slab's credit runs out it adds, in one
 * atomic step, as many blocks as the slab can hand out locally, and from then on an allocation
 * spends one credit and a local free earns one back, both plain writes. I1 for this policy:
 * {@code totalActiveBlocks == live blocks + the credits of the SuperSlab's slabs}. Credit exists
 * only while the SuperSlab is OWNED: the owner returns all of it (one atomic subtraction) before
 * it unpins or abandons the SuperSlab ({@link #handOff}). So the count never reads zero while a
 * block is live, a remote free can make it zero only once the owner holds no credit, and an
 * unpinned or abandoned SuperSlab counts exactly its live blocks.
 */
public class DecrementAtFree extends FreeProtocol {
    /** Creates the correct protocol (variants subclass it). */
    public DecrementAtFree() {
    }

    @Override
    public AccountingPolicy policy() {
        return AccountingPolicy.DECREMENT_AT_FREE;
    }

    @Override
    public long allocate(Slab slab) {
        long block = slab.take();
        if (block != 0) {
            int credit = slab.credit();
            if (credit == 0) {
                credit = refill(slab);                      // counted before the block is handed out (I1)
            }
            slab.setCredit(credit - 1);
        }
        return block;
    }

    /**
     * Counts ahead every block the slab can hand out locally, the one being taken included (owner,
     * when its credit on the slab ran out).
     *
     * @return the credit added
     */
    protected int refill(Slab slab) {
        int credit = slab.locallyAvailable() + 1;
        slab.superSlab().activeIncrement(credit);
        return credit;
    }

    /**
     * Returns the slab's credit before it changes class: credit counts blocks of the old size.
     * The SuperSlab is pinned, so a zero seen here needs no release.
     */
    @Override
    public boolean format(Slab slab, int cls) {
        int credit = slab.credit();
        if (credit > 0) {
            slab.setCredit(0);
            decrementToZero(slab.superSlab(), credit);
        }
        return super.format(slab, cls);
    }

    @Override
    public void freeLocal(Slab slab, long block) {
        slab.pushLocal(block);
        slab.setCredit(slab.credit() + 1);                  // still counted: the block is credit again
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        slab.remote().push(block);                          // publish first ...
        return decrementToZero(slab.superSlab(), 1);        // ... then the last touch (I4)
    }

    @Override
    public int drain(Slab slab) {
        return slab.drainRemote();                          // already accounted at free time
    }

    @Override
    public int count(SuperSlab ss) {
        return ss.totalActiveBlocks();
    }

    @Override
    public int activeBlocks(SuperSlab ss) {
        return ss.totalActiveBlocks() - ss.credit();
    }

    /** Returns every slab's credit in one subtraction; zero seen here is this thread's (I3). */
    @Override
    protected int handOff(SuperSlab ss) {
        int credit = takeCredit(ss);
        if (credit == 0) {
            return ss.totalActiveBlocks();
        }
        return decrementToZero(ss, credit) ? 0 : 1;
    }

    /** Sets every slab's credit to zero and returns their sum (owner). */
    protected static int takeCredit(SuperSlab ss) {
        int credit = 0;
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            Slab slab = ss.slab(i);
            credit += slab.credit();
            slab.setCredit(0);
        }
        return credit;
    }

    @Override
    protected void handOffClaim(SuperSlab ss) {
        // The shared count is exact without an owner: nothing to publish.
    }

    @Override
    protected boolean mayHaveReachedZero(SuperSlab ss) {
        return ss.totalActiveBlocks() == 0;
    }

    @Override
    public boolean looksEmpty(SuperSlab ss) {
        return ss.totalActiveBlocks() == 0;
    }

    @Override
    public Violation validateCount(SuperSlab ss) {
        int live = ss.usedBlocks() - pendingOnStacks(ss);
        int expected = live + ss.credit();
        int actual = ss.totalActiveBlocks();
        return actual == expected ? null
                : new Violation(Invariant.I1, "totalActiveBlocks=" + actual + " but " + live
                        + " blocks are live and the owner holds " + ss.credit() + " credit");
    }

    /**
     * The zero detection of I3: subtract and report whether this very subtraction reached zero.
     */
    protected boolean decrementToZero(SuperSlab ss, int n) {
        return ss.activeDecrement(n);
    }

    /** Blocks on the SuperSlab's remote stacks, walked (quiescent points only). */
    static int pendingOnStacks(SuperSlab ss) {
        int pending = 0;
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            pending += ss.slab(i).remoteLength();
        }
        return pending;
    }
}
