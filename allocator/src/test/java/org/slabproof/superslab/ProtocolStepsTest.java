package org.slabproof.superslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.AccountingPolicy;
import org.slabproof.CorruptedRemoteStackException;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.testkit.OwnedBlock;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * Each step of the protocol on its own, single-threaded, through the real heap on the tiny world
 * the stress suites use: what the count says after each step under each policy, pinning and
 * unpinning, and the lifecycle rules of I3, I5 and I6.
 */
class ProtocolStepsTest {
    private static void assertQuiescent(TinyWorld w, boolean afterTrim, long... live) {
        QuiescentChecker.require(w.environment(), live, afterTrim);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void remoteFreesAreCountedAsThePolicySays(AccountingPolicy policy) {
        OwnedBlock o = OwnedBlock.of(policy);
        TinyWorld w = o.world();
        SuperSlab ss = o.superSlab();
        ThreadHeap other = w.heap();
        long a = o.block();
        long b = o.owner().malloc(TinyWorld.SIZE);
        assertEquals(2, w.protocol().activeBlocks(ss));
        other.free(a);                                        // remote: the SuperSlab is owner's
        boolean atFree = policy == AccountingPolicy.DECREMENT_AT_FREE;
        assertEquals(atFree ? 1 : 2, w.protocol().activeBlocks(ss), "after one remote free");
        assertEquals(1, ss.slabOf(a).remote().count());
        assertQuiescent(w, false, b);
        assertEquals(1, w.protocol().drain(ss.slabOf(a)));
        assertEquals(1, w.protocol().activeBlocks(ss), "after the drain");
        assertQuiescent(w, false, b);
        o.owner().free(b);                                    // local
        assertEquals(0, w.protocol().activeBlocks(ss));
        assertQuiescent(w, false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void thePinnedSuperSlabIsNeverReleasedEvenWhenEmpty(AccountingPolicy policy) {
        OwnedBlock o = OwnedBlock.of(policy);
        TinyWorld w = o.world();
        ThreadHeap owner = o.owner();
        SuperSlab ss = o.superSlab();
        owner.free(o.block());
        assertEquals(SuperSlab.owned(owner.id()), ss.state());
        assertFalse(w.protocol().reclaim(ss), "pinned: no claim (I5)");
        w.trim();
        assertEquals(0, w.released(), "the trimmer never touches a pinned SuperSlab");
        owner.close();                                        // empty and abandoned: released at once
        assertEquals(1, w.released());
        assertEquals(SuperSlab.RELEASED, ss.kind());
        assertQuiescent(w, true);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aSuperSlabWithNoCurrentSlabIsUnpinnedAndReleasedWhileItsOwnerLives(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        ThreadHeap consumer = w.heap();
        List<Long> first = TinyWorld.fillOneSuperSlab(owner);
        SuperSlab ss = w.superSlabs().getFirst();
        long next = owner.malloc(TinyWorld.SIZE);             // maps a second SuperSlab, unpins the first
        assertEquals(SuperSlab.idle(owner.id()), ss.state());
        for (long b : first) {
            consumer.free(b);                                 // remote frees into the idle SuperSlab
        }
        if (policy == AccountingPolicy.DECREMENT_AT_FREE) {
            assertEquals(SuperSlab.RELEASED, ss.kind(), "the last remote free sees zero and releases it");
        } else {
            assertEquals(SuperSlab.IDLE, ss.kind(), "only a drain brings the count down");
            assertEquals(1, w.trim(), "the trimmer drains and releases it while its owner lives (I6)");
        }
        assertEquals(1, w.released());
        assertQuiescent(w, true, next);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anOwnerPinsItsIdleSuperSlabBackUnlessItWasClaimedMeanwhile(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap owner = w.heap();
        TinyWorld.fillOneSuperSlab(owner);
        owner.malloc(TinyWorld.SIZE);
        SuperSlab ss = w.superSlabs().getFirst();
        assertTrue(w.protocol().pin(ss, owner.id()), "still the owner's: pinned back");
        assertTrue(w.protocol().unpin(ss, owner.id()) == false && ss.state() == SuperSlab.idle(owner.id()));
        assertFalse(w.protocol().reclaim(ss), "not empty: claimed, drained, given back");
        assertEquals(SuperSlab.ABANDONED, ss.kind());
        assertFalse(w.protocol().pin(ss, owner.id()), "given back to everyone: the owner lost it");
        assertEquals(1, w.environment().pool().abandonedQueue().size(), "queued for adopters (I6)");
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void adoptionTakesAtMostHalfFullSuperSlabsOnly(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        ThreadHeap dead = w.heap();
        List<Long> blocks = TinyWorld.fillOneSuperSlab(dead);
        dead.close();                                         // 16 live blocks: abandoned, queued
        SuperSlab ss = w.superSlabs().getFirst();
        ThreadHeap adopter = w.heap();
        assertFalse(w.protocol().adopt(ss, adopter.id()), "full: given back");
        ThreadHeap freer = w.heap();
        for (int i = 0; i < blocks.size() / 2; i++) {
            freer.free(blocks.get(i));
        }
        assertTrue(w.protocol().adopt(ss, adopter.id()), "half full: adopted");
        assertEquals(SuperSlab.owned(adopter.id()), ss.state());
        assertFalse(w.protocol().adopt(ss, freer.id()), "one adopter wins");
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aDeadOwnersHeapIsReapedByTheNextTrimPass(AccountingPolicy policy) {
        TinyWorld w = TinyWorld.of(policy);
        TinyWorld.MortalHeap mortal = w.mortalHeap();
        ThreadHeap dead = mortal.heap();
        long a = dead.malloc(TinyWorld.SIZE);
        long b = dead.malloc(TinyWorld.SIZE);
        dead.free(a);
        w.trim();
        assertFalse(dead.isClosed(), "its thread lives: not reaped");
        mortal.die();
        w.trim();                                             // reaps: b is live, so abandoned
        SuperSlab ss = w.superSlabs().getFirst();
        assertTrue(dead.isClosed());
        assertEquals(SuperSlab.ABANDONED, ss.kind());
        w.heap().free(b);
        w.trim();
        assertEquals(1, w.released());
        assertQuiescent(w, true);
    }

    @Test
    void aDrainWalksAtMostTheBlocksInUseAndRejectsForeignLinks() {
        TinyWorld w = TinyWorld.of(AccountingPolicy.DECREMENT_AT_FREE);
        ThreadHeap owner = w.heap();
        long a = owner.malloc(TinyWorld.SIZE);
        long b = owner.malloc(TinyWorld.SIZE);
        w.heap().free(a);
        Slab slab = w.superSlabs().getFirst().slabOf(a);
        slab.remote().setLink(a, b + 3);                      // a corrupted link
        assertThrows(CorruptedRemoteStackException.class, () -> w.protocol().drain(slab));

        TinyWorld v = TinyWorld.of(AccountingPolicy.DECREMENT_AT_FREE);
        ThreadHeap other = v.heap();
        long c = other.malloc(TinyWorld.SIZE);
        v.heap().free(c);
        Slab s2 = v.superSlabs().getFirst().slabOf(c);
        s2.remote().setLink(c, c);                            // a cycle
        assertThrows(CorruptedRemoteStackException.class, () -> v.protocol().drain(s2));
    }

    @Test
    void aDrainThatFailsUnderAClaimGivesTheClaimBack() {
        TinyWorld w = TinyWorld.of(AccountingPolicy.DECREMENT_AT_DRAIN);
        ThreadHeap owner = w.heap();
        long a = owner.malloc(TinyWorld.SIZE);
        owner.malloc(TinyWorld.SIZE);
        w.heap().free(a);
        SuperSlab ss = w.superSlabs().getFirst();
        ss.slabOf(a).remote().setLink(a, a + 3);              // corrupted by, say, a double free
        assertThrows(CorruptedRemoteStackException.class, owner::close);
        assertEquals(SuperSlab.ABANDONED, ss.kind(), "a failed drain must not leave the SuperSlab claimed (I6)");
    }

    @Test
    void sizeClassesCoverOneTo1024() {
        assertEquals(8, SizeClasses.sizeOf(SizeClasses.classOf(1)));
        assertEquals(8, SizeClasses.sizeOf(SizeClasses.classOf(8)));
        assertEquals(16, SizeClasses.sizeOf(SizeClasses.classOf(9)));
        assertEquals(80, SizeClasses.sizeOf(SizeClasses.classOf(65)));
        assertEquals(1024, SizeClasses.sizeOf(SizeClasses.classOf(1000)));
        for (int size = 1; size <= SizeClasses.MAX_SIZE; size++) {
            int block = SizeClasses.sizeOf(SizeClasses.classOf(size));
            assertTrue(block >= size && block % 8 == 0 && block - size < Math.max(8, size / 4.0 + 1), "size " + size);
        }
    }
}
