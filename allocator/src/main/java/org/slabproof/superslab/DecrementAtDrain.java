package org.slabproof.superslab;

import org.slabproof.AccountingPolicy;
import org.slabproof.Invariant;
import org.slabproof.Violation;

/**
 * Decrement-at-drain (mimalloc's {@code _mi_page_thread_free_collect}: swap the list out, count,
 * {@code used -= count}): a remote free only pushes; the count is the owner's own and goes down
 * when the owner, or a claimant, drains.
 *
 * <p>Implementation notes. The count is owner-private and derived: the sum of the slabs'
 * {@code used} (live plus remote-pending blocks), plain fields that only the owner or a claimant
 * writes. I1 for this policy: {@code totalActiveBlocks == live blocks + blocks pending on remote
 * stacks}. Nobody but the owner or a claimant can change it, so there is no zero transition to
 * race for (I3 holds by construction), and a claimant that holds the SuperSlab reads an exact,
 * final count after its drain. Its hand-over between threads is ordered by the state write or
 * CAS that passes the SuperSlab on. Here I6 carries the weight: a SuperSlab whose owner is gone or
 * idle empties only when someone drains it, which the trimmer does when
 * {@link #looksEmpty} says every counted block is pending on a stack.
 */
public class DecrementAtDrain extends FreeProtocol {
    /** Creates the correct protocol (variants subclass it). */
    public DecrementAtDrain() {
    }

    @Override
    public AccountingPolicy policy() {
        return AccountingPolicy.DECREMENT_AT_DRAIN;
    }

    @Override
    public long allocate(Slab slab) {
        return slab.take();                                 // used++ is the count
    }

    @Override
    public void freeLocal(Slab slab, long block) {
        slab.pushLocal(block);                              // used-- is the count
    }

    @Override
    public boolean freeRemote(Slab slab, long block) {
        slab.remote().push(block);                          // the push is the last touch (I4)
        return false;
    }

    @Override
    public int drain(Slab slab) {
        return slab.drainRemote();                          // used -= moved: the drain's decrement
    }

    @Override
    public int credit(Slab slab) {
        return 0;
    }

    @Override
    public int count(SuperSlab ss) {
        return ss.usedBlocks();
    }

    @Override
    public int activeBlocks(SuperSlab ss) {
        return ss.usedBlocks();
    }

    @Override
    protected int handOff(SuperSlab ss) {
        int count = ss.usedBlocks();
        ss.publishCount(count);                             // before the state write that orders it
        return count;
    }

    @Override
    protected void handOffClaim(SuperSlab ss) {
        ss.publishCount(ss.usedBlocks());
    }

    @Override
    protected boolean mayHaveReachedZero(SuperSlab ss) {
        return false;                                       // only owners and claimants change the count
    }

    /**
     * Every block counted at the last hand-off is now pending on a stack: the live blocks of
     * then have all been freed. Remote counts lead their stacks by pushes in flight, so this may
     * say yes one push early; the claimant then finds a count of 1 and the next pass succeeds.
     */
    @Override
    public boolean looksEmpty(SuperSlab ss) {
        return ss.remotePending() >= ss.publishedCount();
    }

    /** Nothing is counted ahead, so no slab may carry decrement-at-free's credit limit. */
    @Override
    public Violation validateCount(SuperSlab ss) {
        for (int i = 0; i < ss.formattedSlabs(); i++) {
            int limit = ss.slab(i).creditLimit();
            if (limit != 0) {
                return new Violation(Invariant.I1, "decrement-at-drain counts nothing ahead, but slab " + i
                        + " has a credit limit of " + limit);
            }
        }
        return null;
    }
}
