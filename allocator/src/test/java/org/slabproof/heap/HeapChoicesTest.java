package org.slabproof.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * The heap's decisions, one scenario each on the tiny world: which slab an adopter allocates
 * from, which SuperSlab the slow path pins back and which it unpins, what a close gives up and
 * refuses afterwards, and what the reaper counts. A wrong decision here breaks no equation at
 * once; it shows as a block from the wrong slab, a SuperSlab left pinned (which no trimmer may
 * touch, I6) or a closed heap that still allocates.
 */
class HeapChoicesTest {
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anAdopterAllocatesFromASlabOfItsClassFirst(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap dead = w.heap();
        long empty = dead.malloc(32);                                    // slab 0, freed below: empty
        long free = dead.malloc(TinyWorld.SIZE);                         // slab 1, freed below
        long[] live = {dead.malloc(TinyWorld.SIZE), dead.malloc(TinyWorld.SIZE), dead.malloc(TinyWorld.SIZE)};
        dead.free(empty);
        dead.free(free);
        dead.close();                                                    // 3 live of 6 formatted: adoptable
        ThreadHeap adopter = w.heap();
        assertEquals(free, adopter.malloc(TinyWorld.SIZE), "the class's own slab, not the empty one");
        assertEquals(1, adopter.counters().adoptions);
        QuiescentChecker.require(w.environment(), new long[] {live[0], live[1], live[2], free}, false);
    }

    /**
     * An adopter that finds no slab for its class in the SuperSlab it adopted leaves it unpinned:
     * it starts with none of the dead owner's current slabs, so once its blocks are freed the
     * trimmer releases it while the adopter lives (I6).
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anAdopterWithNoSlabForItsClassLeavesTheSuperSlabUnpinnedAndTheTrimmerReleasesIt(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap dead = w.heap();
        long[] live = {dead.malloc(8), dead.malloc(16), dead.malloc(24), dead.malloc(32)};  // one per slab
        dead.close();
        SuperSlab ss = w.superSlabs().getFirst();
        ThreadHeap adopter = w.heap();
        adopter.malloc(40);                                              // adopts, finds no slab for 40
        assertEquals(1, adopter.counters().adoptions);
        assertEquals(0, ss.currentSlabs(), "the dead owner's current slabs left with it");
        assertEquals(SuperSlab.idle(adopter.id()), ss.state(), "adopted, then unpinned: " + ss);
        ThreadHeap other = w.heap();
        for (long b : live) {
            other.free(b);                                               // remote frees
        }
        w.trim();
        assertEquals(SuperSlab.RELEASED, ss.kind(), "empty and unpinned: released while the adopter lives");
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anAdopterTakesAnEmptySlabBeforeAFreshOne(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap dead = w.heap();
        long empty = dead.malloc(32);                                    // slab 0, freed below: empty
        long[] live = {dead.malloc(24), dead.malloc(24), 0};             // slab 1, full
        dead.free(empty);
        dead.close();                                                    // 2 live of 4 formatted: adoptable
        SuperSlab ss = w.superSlabs().getFirst();
        live[2] = w.heap().malloc(TinyWorld.SIZE);
        assertEquals(ss.slab(0).start(), live[2], "the empty slab, reformatted; slabs 2 and 3 stay fresh");
        QuiescentChecker.require(w.environment(), live, false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void theSlowPathPinsAnIdleSuperSlabBackAndUnpinsTheOneItLeaves(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        List<Long> blocks = TinyWorld.fillOneSuperSlab(owner);
        SuperSlab first = w.superSlabs().getFirst();
        for (int i = 0; i < TinyWorld.PER_SLAB; i++) {
            blocks.add(owner.malloc(TinyWorld.SIZE));                    // a second SuperSlab's slab, full
        }
        SuperSlab second = w.superSlabs().getLast();
        assertEquals(List.of(first, second), owner.ownedSuperSlabs());
        assertEquals(SuperSlab.idle(owner.id()), first.state());
        long freed = blocks.removeFirst();
        w.heap().free(freed);                                            // remote: the first one is idle
        assertEquals(freed, owner.malloc(TinyWorld.SIZE), "drained from the idle SuperSlab, pinned back");
        assertEquals(SuperSlab.owned(owner.id()), first.state());
        assertEquals(SuperSlab.idle(owner.id()), second.state(), "no current slab left in it: unpinned");
        blocks.add(freed);
        QuiescentChecker.require(w.environment(), blocks.stream().mapToLong(Long::longValue).toArray(), false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anIdleSuperSlabPinnedForNothingIsUnpinnedAgain(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        List<Long> blocks = TinyWorld.fillOneSuperSlab(owner);
        SuperSlab full = w.superSlabs().getFirst();
        for (int size : new int[] {TinyWorld.SIZE, 24, 32, 40}) {
            blocks.add(owner.malloc(size));                              // every slab of a second one in use
        }
        blocks.add(owner.malloc(48));                                    // looks in the idle one, maps a third
        assertEquals(3, w.mapped());
        assertEquals(SuperSlab.idle(owner.id()), full.state(), "pinned to look, unpinned again");
        QuiescentChecker.require(w.environment(), blocks.stream().mapToLong(Long::longValue).toArray(), false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void closeGivesEverythingUpOnceAndAClosedHeapAllocatesNoMore(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        List<Long> blocks = TinyWorld.fillOneSuperSlab(owner);
        blocks.add(owner.malloc(TinyWorld.SIZE));                        // the current slab keeps 3 blocks
        SuperSlab idle = w.superSlabs().getFirst();
        SuperSlab pinned = w.superSlabs().getLast();
        long abandonedBefore = w.counters().heapsAbandoned.sum();
        assertTrue(owner.close());
        assertFalse(owner.close(), "once");
        assertEquals(SuperSlab.ABANDONED, idle.kind(), "its idle SuperSlab is given back too (I6)");
        assertEquals(SuperSlab.ABANDONED, pinned.kind());
        assertEquals(List.of(), owner.ownedSuperSlabs());
        assertEquals(abandonedBefore + 1, w.counters().heapsAbandoned.sum());
        assertThrows(IllegalStateException.class, () -> owner.malloc(TinyWorld.SIZE), "even with blocks in its old slab");
        QuiescentChecker.require(w.environment(), blocks.stream().mapToLong(Long::longValue).toArray(), false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void theReaperCountsTheHeapsItClosed(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        TinyWorld.MortalHeap mortal = w.mortalHeap();
        long live = mortal.heap().malloc(TinyWorld.SIZE);
        HeapRegistry heaps = w.environment().heaps();
        assertEquals(0, heaps.reapDead(w.protocol()), "its thread lives");
        mortal.die();
        assertEquals(1, heaps.reapDead(w.protocol()));
        assertTrue(mortal.heap().isClosed());
        assertEquals(0, heaps.reapDead(w.protocol()), "closed once");
        QuiescentChecker.require(w.environment(), new long[] {live}, false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aSuperSlabReleasedUnderItsOwnerIsForgottenWhateverItsClasses(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        int perSuperSlab = (int) (TinyWorld.TINY.superSlabSize() / 8);
        List<Long> gone = new ArrayList<>();
        for (int i = 0; i < perSuperSlab; i++) {
            gone.add(owner.malloc(8));                                   // class 0, the edge of every class test
        }
        SuperSlab first = w.superSlabs().getFirst();
        long[] live = new long[perSuperSlab + 1];
        live[0] = owner.malloc(8);                                       // maps a second one, unpins the first
        SuperSlab second = w.superSlabs().getLast();
        ThreadHeap freer = w.heap();
        gone.forEach(freer::free);
        w.trim();                                                        // decrement-at-drain: only a drain empties it
        assertEquals(SuperSlab.RELEASED, first.kind());
        int slab = TinyWorld.TINY.slabSize() / 8;
        for (int i = 1; i <= slab; i++) {
            live[i] = owner.malloc(8);                                   // the last one looks in the released one
        }
        assertTrue(second.contains(live[slab]));
        assertEquals(List.of(second), owner.ownedSuperSlabs(), "the released SuperSlab is forgotten");
        for (int i = slab + 1; i < live.length; i++) {
            live[i] = owner.malloc(8);                                   // fills the second one, then maps a third
        }
        assertEquals(SuperSlab.idle(owner.id()), second.state(), "forgetting must not touch the current slabs");
        QuiescentChecker.require(w.environment(), live, true);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aLostIdleSuperSlabIsSkippedAndTheNextOneStillExamined(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        List<Long> live = TinyWorld.fillOneSuperSlab(owner);
        List<Long> second = TinyWorld.fillOneSuperSlab(owner);          // maps a second, unpins the first
        live.add(owner.malloc(TinyWorld.SIZE));                          // maps a third, unpins the second
        List<SuperSlab> superSlabs = w.superSlabs();
        assertFalse(w.protocol().reclaim(superSlabs.get(0)), "claimed by another thread: lost to its owner");
        ThreadHeap freer = w.heap();
        for (int i = 0; i < second.size(); i++) {
            if (i < TinyWorld.PER_SLAB) {
                freer.free(second.get(i));                               // the second one's slab 0: empty once drained
            } else {
                live.add(second.get(i));
            }
        }
        for (int size : new int[] {24, 32, 40}) {
            live.add(owner.malloc(size));                                // the third one: every slab in use
        }
        long block = owner.malloc(48);                                   // pins the first (fails), then the second
        live.add(block);
        assertEquals(superSlabs.get(1).slab(0), superSlabs.get(1).slabOf(block), "the second one's emptied slab");
        assertEquals(List.of(superSlabs.get(1), superSlabs.get(2)), owner.ownedSuperSlabs());
        QuiescentChecker.require(w.environment(), live.stream().mapToLong(Long::longValue).toArray(), false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anAdopterExaminesAtMostTheConfiguredNumberOfAbandonedSuperSlabs(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        int attempts = w.environment().adoptionAttempts();
        List<Long> live = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            ThreadHeap full = w.heap();
            live.addAll(TinyWorld.fillOneSuperSlab(full));
            full.close();                                                // full: never adopted
        }
        ThreadHeap halfFull = w.heap();
        List<Long> blocks = TinyWorld.fillOneSuperSlab(halfFull);
        for (int i = 0; i < blocks.size(); i++) {
            if (i % 2 == 0) {
                halfFull.free(blocks.get(i));
            } else {
                live.add(blocks.get(i));
            }
        }
        halfFull.close();                                                // adoptable, but queued last
        ThreadHeap adopter = w.heap();
        live.add(adopter.malloc(TinyWorld.SIZE));
        assertEquals(0, adopter.counters().adoptions, "the adoptable one is beyond the attempts");
        assertEquals(attempts + 2, w.mapped());
        QuiescentChecker.require(w.environment(), live.stream().mapToLong(Long::longValue).toArray(), false);
    }
}
