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
 * spends one credit and a local free earns one back. I1 for this policy:
 * {@code totalActiveBlocks == live blocks + the credits of the SuperSlab's slabs}. Credit exists
 * only while the SuperSlab is OWNED: the owner returns all of it (one atomic subtraction) before
 * it unpins or abandons the SuperSlab ({@link #handOff}). So the count never reads zero while a
 * block is live, a remote free can make it zero only once the owner holds no credit, and an
 * unpinned or abandoned SuperSlab counts exactly its live blocks.
 *
 * <p>The credit is not stored: a slab's credit is {@code creditLimit - used} ({@link #credit}),
 * where {@link Slab#creditLimit()} is the value of {@code used} up to which the owner has counted
 * ahead. An allocation raises {@code used} and a local free lowers it, so they spend and earn
 * credit with no write beyond {@code used} itself; the limit moves only on the slow paths: a
 * refill raises it to the capacity, a drain lowers it by the blocks it moved (their remote frees
 * already took them off the count, so they come back as no credit), and a credit return (unpin,
 * abandon, format) sets it to {@code used}. The owner's fast paths thus write what
 * decrement-at-drain's write, plus one compare on allocation; with a stored credit, written on
 * every malloc and free, the owner's malloc+free pair took about 2 ns (10%) longer.
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
        if (block != 0 && slab.used() > slab.creditLimit()) {
            refill(slab);                                   // the block was not counted: count it first (I1)
        }
        return block;
    }

    /**
     * Counts ahead every block the slab can hand out locally, the one just taken included (owner,
     * when that block found the slab's credit spent).
     */
    private void refill(Slab slab) {
        countAhead(slab.superSlab(), slab.locallyAvailable() + 1);
        slab.setCreditLimit(slab.capacity());
    }

    /** The refill's one atomic add to the shared count (a known-bad variant breaks it). */
    protected void countAhead(SuperSlab ss, int blocks) {
        ss.activeIncrement(blocks);
    }

    @Override
    public int credit(Slab slab) {
        return slab.creditLimit() - slab.used();
    }

    /**
     * Returns the slab's credit before it changes class: credit counts blocks of the old size, and
     * the new class starts with none (the slab is empty, so the limit is now 0). The SuperSlab is
     * pinned, so a zero seen here needs no release.
     */
    @Override
    public boolean format(Slab slab, int cls) {
        int credit = returnCredit(slab);
        if (credit > 0) {
            decrementToZero(slab.superSlab(), credit);
        }
        return super.format(slab, cls);
    }

    @Override
    public void freeLocal(Slab slab, long block) {
        slab.pushLocal(block);                              // still counted: the block is credit again
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        slab.remote().push(block);                          // publish first ...
        return decrementToZero(slab.superSlab(), 1);        // ... then the last touch (I4)
    }

    @Override
    public int drain(Slab slab) {
        int moved = slab.drainRemote();                     // already decremented at free time ...
        if (moved > 0) {
            lowerCreditLimit(slab, moved);                  // ... so they come back as no credit
        }
        return moved;
    }

    /**
     * Lowers the credit limit with {@code used}: the {@code n} blocks the drain just moved are not
     * in the count (a known-bad variant skips it).
     */
    protected void lowerCreditLimit(Slab slab, int n) {
        slab.setCreditLimit(slab.creditLimit() - n);
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
    protected final int takeCredit(SuperSlab ss) {
        int credit = 0;
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            credit += returnCredit(ss.slab(i));
        }
        return credit;
    }

    /** Sets the slab's credit to zero (its limit to {@code used}) and returns what it was (owner). */
    private int returnCredit(Slab slab) {
        int credit = credit(slab);
        if (credit != 0) {
            slab.setCreditLimit(slab.used());
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

    /** Each slab's credit within 0..what it could hand out, then the count: live blocks plus credit. */
    @Override
    public Violation validateCount(SuperSlab ss) {
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            Slab slab = ss.slab(i);
            int credit = credit(slab);
            if (credit < 0 || credit > slab.locallyAvailable()) {
                return new Violation(Invariant.I1, "slab " + i + ": credit " + credit + " outside 0.."
                        + slab.locallyAvailable() + ", the blocks it could hand out");
            }
        }
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
