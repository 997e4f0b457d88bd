package org.slabproof.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.SizeClasses;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * The refilled-slab queue of the heap's slow path, on the tiny world (4 slabs of 4 blocks of 16
 * bytes per SuperSlab): a slab the slow path found exhausted comes back, on its next local free,
 * in the order the frees came, before any slab that was not refilled; an entry that went stale
 * (its SuperSlab lost, its slab reformatted) is never allocated from.
 */
class RefilledSlabsTest {
    private static final int SIZE = TinyWorld.SIZE;
    private static final int OTHER = 24;                    // another class, 2 blocks per slab

    /**
     * Only the first local free into a waiting slab queues it: the queue holds at most one entry
     * per slab, however many frees come (one per free would grow it without bound on a long run).
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aSlabIsQueuedOnceOnTheFirstFreeAfterItWaitsAndNeverWhileItHasBlocks(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        int cls = SizeClasses.classOf(SIZE);
        List<Long> slab0 = allocate(owner, TinyWorld.PER_SLAB);
        long inSlab1 = owner.malloc(SIZE);                  // slab 0 exhausted: waiting; slab 1 current
        owner.free(inSlab1);
        owner.free(owner.malloc(SIZE));
        assertEquals(0, owner.refilledQueued(cls), "frees into the current slab queue nothing");
        for (long b : slab0) {
            owner.free(b);
        }
        assertEquals(1, owner.refilledQueued(cls), "one entry for the waiting slab, not one per free");
        QuiescentChecker.require(w.environment(), new long[0], false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void refilledSlabsComeBackInTheOrderTheyWereRefilledBeforeAFreshOne(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        // slabs 0 and 1 exhausted (waiting), slab 2 full and current
        List<Long> live = allocate(owner, 3 * TinyWorld.PER_SLAB);
        SuperSlab ss = w.superSlabs().getFirst();
        long inSlab1 = live.remove(TinyWorld.PER_SLAB);
        long inSlab0 = live.removeFirst();
        owner.free(inSlab1);                                // refilled first
        owner.free(inSlab0);
        assertEquals(inSlab1, owner.malloc(SIZE), "the slab refilled first, although slab 0 comes first in the heap's lists");
        assertEquals(inSlab0, owner.malloc(SIZE), "then the next refilled one");
        long fresh = owner.malloc(SIZE);
        assertEquals(ss.slab(3).start(), fresh, "nothing refilled is left: the fresh slab");
        assertEquals(6, owner.counters().slowMallocs, "one per slab made current: slabs 0..2, the two refilled, slab 3");
        live.addAll(List.of(inSlab1, inSlab0, fresh));
        QuiescentChecker.require(w.environment(), toArray(live), false);
    }

    /**
     * A slab queued while its SuperSlab was pinned by another class's current slab stays queued
     * when that SuperSlab is unpinned; while it is still the owner's (IDLE), the slow path pins it
     * back and allocates the queued block.
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aQueuedSlabOfTheOwnersIdleSuperSlabIsPinnedBackAndUsed(AccountingPolicy policy) {
        QueuedInIdle q = QueuedInIdle.of(policy);
        long next = q.owner.malloc(SIZE);                   // the slow path pops the entry
        assertEquals(q.queued, next, "the queued block of the idle SuperSlab");
        assertEquals(SuperSlab.owned(q.owner.id()), q.idle.state(), "pinned back");
        q.live.add(next);
        QuiescentChecker.require(q.world.environment(), toArray(q.live), false);
    }

    /**
     * The same, but the IDLE SuperSlab is lost to a claimant first: the owner must drop the
     * entry, not allocate from a SuperSlab that is no longer its own (I5).
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aQueuedSlabOfALostSuperSlabIsNeverAllocatedFrom(AccountingPolicy policy) {
        QueuedInIdle q = QueuedInIdle.of(policy);
        assertFalse(q.world.protocol().reclaim(q.idle), "not empty: claimed, drained and given back to adopters");
        assertEquals(SuperSlab.ABANDONED, q.idle.kind());
        long next = q.owner.malloc(SIZE);                   // the slow path pops the stale entry
        assertNotEquals(q.queued, next, "allocated from a SuperSlab the owner lost");
        assertTrue(q.world.superSlabs().getLast().contains(next), "from its own SuperSlab");
        q.live.add(next);
        QuiescentChecker.require(q.world.environment(), toArray(q.live), false);
    }

    /**
     * A heap whose first SuperSlab is IDLE with slab 0 queued (one block freed into it while the
     * other class's current slab still pinned it), and whose current slab of {@link #SIZE}, in the
     * second SuperSlab, is full: its next malloc of that size pops the entry.
     */
    private record QueuedInIdle(TinyWorld world, ThreadHeap owner, SuperSlab idle, long queued, List<Long> live) {
        static QueuedInIdle of(AccountingPolicy policy) {
            TinyWorld w = TinyWorld.of(policy);
            ThreadHeap owner = w.heap();
            List<Long> live = allocate(owner, TinyWorld.PER_SLAB);  // first SuperSlab, slab 0
            live.add(owner.malloc(OTHER));                  // slab 1: the other class's current slab pins it
            // slabs 2 and 3, then the second SuperSlab's slab 0
            live.addAll(allocate(owner, 2 * TinyWorld.PER_SLAB + 1));
            SuperSlab first = w.superSlabs().getFirst();
            long queued = live.removeFirst();
            owner.free(queued);                             // local (still pinned): slab 0 queued
            live.add(owner.malloc(OTHER));
            live.add(owner.malloc(OTHER));                  // the other class moves to the second SuperSlab
            assertEquals(SuperSlab.idle(owner.id()), first.state(), "no current slab left in it: unpinned");
            live.addAll(allocate(owner, TinyWorld.PER_SLAB - 1));  // the rest of the current slab
            return new QueuedInIdle(w, owner, first, queued, live);
        }
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aQueuedSlabReformattedForAnotherClassLeavesItsOldClassQueue(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        List<Long> slab0 = allocate(owner, TinyWorld.PER_SLAB);
        List<Long> live = allocate(owner, 3 * TinyWorld.PER_SLAB);  // slabs 1..3; slab 0 exhausted, waiting
        SuperSlab first = w.superSlabs().getFirst();
        slab0.forEach(owner::free);                         // queued on the first free, then empty
        long other = owner.malloc(OTHER);                   // no fresh slab left: the empty slab 0, reformatted
        assertEquals(first.slab(0).start(), other);
        assertEquals(0, owner.refilledQueued(SizeClasses.classOf(SIZE)), "its entry left with its old class");
        live.add(other);
        long next = owner.malloc(SIZE);                     // slab 3 exhausted: the queue must not offer slab 0
        assertFalse(first.contains(next), "a block of the reformatted slab handed out as the old class");
        live.add(next);
        QuiescentChecker.require(w.environment(), toArray(live), false);
    }

    /** {@code count} blocks of {@link #SIZE} from {@code heap}, in allocation order. */
    private static List<Long> allocate(ThreadHeap heap, int count) {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(heap.malloc(SIZE));
        }
        return blocks;
    }

    private static long[] toArray(List<Long> blocks) {
        return blocks.stream().mapToLong(Long::longValue).toArray();
    }
}
