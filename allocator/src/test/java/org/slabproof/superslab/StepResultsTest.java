package org.slabproof.superslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.AccountingPolicy;
import org.slabproof.InvalidSizeException;
import org.slabproof.UseAfterReleaseException;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.testkit.OwnedBlock;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * What each protocol step returns and leaves behind, single-threaded on the tiny world: the
 * outcome of a free, whether unpin, abandon and reclaim released, the owner's credit (counted ahead
 * on a refill, handed back on unpin and on a reformat), the trimmer's hint on a SuperSlab that is
 * idle but not empty, and a free that finds its SuperSlab released. Callers branch on these
 * results (the heap forgets what was released, the allocator counts outcomes), so a wrong one is
 * a wrong decision somewhere else.
 */
class StepResultsTest {
    @Test
    void aRemoteFreeSaysWhetherItSawZeroAndWhetherItReleased() {
        TinyWorld w = TinyWorld.of(AccountingPolicy.DECREMENT_AT_FREE);
        ThreadHeap owner = w.heap();
        ThreadHeap other = w.heap();
        long first = owner.malloc(TinyWorld.SIZE);
        SuperSlab pinned = w.superSlabs().getFirst();
        assertEquals(TinyWorld.PER_SLAB, pinned.totalActiveBlocks(), "a refill counts the whole slab ahead");
        assertEquals(TinyWorld.PER_SLAB - 1, w.protocol().credit(pinned.slabOf(first)));
        long[] slab = {first, owner.malloc(TinyWorld.SIZE), owner.malloc(TinyWorld.SIZE), owner.malloc(TinyWorld.SIZE)};
        for (int i = 0; i < slab.length - 1; i++) {
            assertEquals(FreeProtocol.REMOTE, other.free(slab[i]));
        }
        assertEquals(FreeProtocol.REMOTE_ZERO, other.free(slab[slab.length - 1]), "zero, but pinned: not released");
        assertEquals(SuperSlab.owned(owner.id()), pinned.state());

        TinyWorld v = TinyWorld.of(AccountingPolicy.DECREMENT_AT_FREE);
        ThreadHeap producer = v.heap();
        List<Long> blocks = TinyWorld.fillOneSuperSlab(producer);
        producer.malloc(TinyWorld.SIZE);                                 // unpins the full one
        ThreadHeap consumer = v.heap();
        for (int i = 0; i < blocks.size() - 1; i++) {
            assertEquals(FreeProtocol.REMOTE, consumer.free(blocks.get(i)));
        }
        assertEquals(FreeProtocol.REMOTE_RELEASED, consumer.free(blocks.getLast()));
        assertEquals(1, v.released());
    }

    /**
     * Decrement-at-free's derived credit through a drain: a block the owner drains back was taken
     * off the count by its remote free, so it comes back uncounted (no credit), and taking it
     * counts it again first.
     */
    @Test
    void aDrainedBlockComesBackUncountedAndIsCountedAgainWhenTaken() {
        OwnedBlock o = OwnedBlock.of(AccountingPolicy.DECREMENT_AT_FREE);
        FreeProtocol protocol = o.world().protocol();
        for (int i = 1; i < TinyWorld.PER_SLAB; i++) {
            o.owner().malloc(TinyWorld.SIZE);                            // the slab is full, its credit spent
        }
        assertEquals(0, protocol.credit(o.slab()));
        assertEquals(FreeProtocol.REMOTE, o.world().heap().free(o.block()));
        assertEquals(TinyWorld.PER_SLAB - 1, o.superSlab().totalActiveBlocks(), "the remote free decremented");
        assertEquals(1, protocol.drain(o.slab()));
        assertEquals(TinyWorld.PER_SLAB - 1, o.slab().creditLimit(),
                "the drained block is not in the count: the limit came down with used");
        assertEquals(0, protocol.credit(o.slab()), "so it is no credit either");
        assertNull(o.superSlab().validate());
        assertEquals(o.block(), o.owner().malloc(TinyWorld.SIZE));
        assertEquals(TinyWorld.PER_SLAB, o.superSlab().totalActiveBlocks(), "taken, it was counted again");
        assertEquals(TinyWorld.PER_SLAB, o.slab().creditLimit(), "a refill counts up to the capacity");
        assertNull(o.superSlab().validate());
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void unpinHandsTheCreditBackAndLeavesANonEmptySuperSlabIdleEvenAcrossATrim(AccountingPolicy policy) {
        OwnedBlock o = OwnedBlock.of(policy);
        TinyWorld w = o.world();
        ThreadHeap owner = o.owner();
        SuperSlab ss = o.superSlab();
        long live = owner.malloc(TinyWorld.SIZE);
        owner.free(o.block());                                           // local: the credit grows again
        assertFalse(w.protocol().unpin(ss, owner.id()), "one live block: not released");
        assertEquals(SuperSlab.idle(owner.id()), ss.state(), "still the owner's");
        assertEquals(0, ss.credit());
        assertEquals(1, w.protocol().count(ss), "exactly the live block, no credit");
        assertFalse(w.protocol().looksEmpty(ss));
        assertEquals(0, w.trim(), "the trimmer's hint must not say empty");
        assertEquals(SuperSlab.idle(owner.id()), ss.state(), "a trim pass must leave a non-empty idle SuperSlab alone");
        QuiescentChecker.require(w.environment(), new long[] {live}, true);
        assertTrue(w.protocol().pin(ss, owner.id()));
        owner.free(live);
        assertEquals(0, w.protocol().activeBlocks(ss));
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void abandonSaysWhetherItReleased(AccountingPolicy policy) {
        OwnedBlock o = OwnedBlock.of(policy);
        SuperSlab kept = o.superSlab();
        assertFalse(o.world().protocol().abandon(kept), "a live block: queued, not released");
        assertEquals(SuperSlab.ABANDONED, kept.kind());
        assertFalse(kept.markQueued(), "already queued for adopters, once");

        OwnedBlock emptied = OwnedBlock.of(policy);
        emptied.owner().free(emptied.block());
        SuperSlab empty = emptied.superSlab();
        assertTrue(emptied.world().protocol().abandon(empty), "empty: released at once");
        assertEquals(SuperSlab.RELEASED, empty.kind());
        assertEquals(Thread.currentThread().threadId(), empty.releasedByThread());
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void reclaimOfAnExpectedStateSaysWhetherItReleased(AccountingPolicy policy) {
        OwnedBlock o = OwnedBlock.of(policy);
        TinyWorld w = o.world();
        ThreadHeap owner = o.owner();
        long live = o.block();
        SuperSlab ss = o.superSlab();
        assertFalse(w.protocol().unpin(ss, owner.id()));
        assertFalse(w.protocol().reclaim(ss, SuperSlab.idle(owner.id() + 1)), "another heap's state: no claim");
        assertEquals(SuperSlab.idle(owner.id()), ss.state());
        assertFalse(w.protocol().reclaim(ss, SuperSlab.idle(owner.id())), "not empty: given back");
        assertEquals(SuperSlab.ABANDONED, ss.kind());
        QuiescentChecker.require(w.environment(), new long[] {live}, false);
    }

    @Test
    void reclaimOfAnIdleSuperSlabWhoseBlocksArePendingReleasesIt() {
        TinyWorld w = TinyWorld.of(AccountingPolicy.DECREMENT_AT_DRAIN);
        ThreadHeap owner = w.heap();
        long pending = owner.malloc(TinyWorld.SIZE);
        SuperSlab ss = w.superSlabs().getFirst();
        assertFalse(w.protocol().unpin(ss, owner.id()));
        w.heap().free(pending);                                          // counted until drained
        assertTrue(w.protocol().reclaim(ss, SuperSlab.idle(owner.id())), "drained to zero: released");
        assertEquals(SuperSlab.RELEASED, ss.kind());
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aClassThatDoesNotFitTheSlabIsRefusedAndLeavesNothingBehind(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        assertThrows(InvalidSizeException.class, () -> owner.malloc(100));   // 112-byte blocks, 64-byte slabs
        QuiescentChecker.require(w.environment(), new long[0], false);
        long block = owner.malloc(TinyWorld.SIZE);
        QuiescentChecker.require(w.environment(), new long[] {block}, false);
    }

    /**
     * An empty slab is taken for another class: the owner's credit on it goes back first (it
     * counted blocks of the old size), and the old class no longer allocates from it.
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anEmptySlabTakenForAnotherClassHandsItsCreditBackAndLeavesItsOldClass(AccountingPolicy policy) {
        for (int oldSize : new int[] {8, 32}) {
            for (boolean remote : new boolean[] {false, true}) {
                TinyWorld w = TinyWorld.of(policy);
                ThreadHeap owner = w.heap();
                long old = owner.malloc(oldSize);                        // slab 0
                if (remote) {
                    w.heap().free(old);                                  // pending: the reuse drains it
                } else {
                    owner.free(old);
                }
                long[] live = {owner.malloc(24), owner.malloc(40), owner.malloc(48), 0, 0};  // slabs 1..3
                SuperSlab ss = w.superSlabs().getFirst();
                live[3] = owner.malloc(TinyWorld.SIZE);                  // no fresh slab left: slab 0, reformatted
                String what = oldSize + "-byte slab freed " + (remote ? "remotely" : "locally");
                assertEquals(ss.slab(0), ss.slabOf(live[3]), what);
                assertEquals(1, w.mapped(), what);
                live[4] = owner.malloc(oldSize);
                assertEquals(SizeClasses.classOf(oldSize), w.superSlabs().stream().filter(s -> s.contains(live[4]))
                        .findFirst().orElseThrow().slabOf(live[4]).sizeClass(), what);
                QuiescentChecker.require(w.environment(), live, false);
            }
        }
    }

    @Test
    void aFreeThatFindsItsSuperSlabReleasedIsAUseAfterRelease() {
        TinyWorld w = TinyWorld.of(AccountingPolicy.DECREMENT_AT_FREE);
        ThreadHeap owner = w.heap();
        long block = owner.malloc(TinyWorld.SIZE);
        SuperSlab ss = w.superSlabs().getFirst();
        Slab slab = ss.slabOf(block);
        owner.free(block);
        owner.close();                                                   // empty: released
        assertEquals(SuperSlab.RELEASED, ss.kind());
        UseAfterReleaseException e = assertThrows(UseAfterReleaseException.class,
                () -> w.protocol().free(SuperSlab.owned(owner.id()), ss, slab, block));
        assertTrue(e.getMessage().contains("use after release"), e.getMessage());
    }
}
