package org.slabproof.superslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slabproof.CorruptedRemoteStackException;
import org.slabproof.testkit.ProtocolFixture;

/**
 * Each protocol step on its own, single-threaded, on the tiny SuperSlab the stress suites use:
 * what the count says after each step under each policy, and the lifecycle rules of I3 and I5.
 */
class ProtocolStepsTest {
    @ParameterizedTest
    @ValueSource(strings = {"decrement-at-free", "decrement-at-drain"})
    void remoteFreesAreCountedAsThePolicySays(String policy) {
        ProtocolFixture f = ProtocolFixture.of(policy);
        long a = f.allocate(0);
        long b = f.allocate(0);
        assertEquals(2, f.active());
        assertFalse(f.freeRemote(a));
        boolean atFree = policy.equals("decrement-at-free");
        assertEquals(atFree ? 1 : 2, f.active(), "after one remote free");
        assertEquals(1, f.slab(0).remote().count());
        assertNull(f.validate());
        assertEquals(1, f.drain(0));
        assertEquals(1, f.active(), "after the drain");
        assertEquals(0, f.slab(0).remote().count());
        assertNull(f.validate());
        assertEquals(a, f.allocate(0), "the drained block is handed out next");
        f.freeLocal(b);
        f.freeLocal(a);
        assertEquals(0, f.active());
        assertNull(f.validate());
    }

    @Test
    void theZeroTransitionIsSeenByTheDecrementThatMakesItOnly() {
        ProtocolFixture f = ProtocolFixture.of("decrement-at-free");
        long a = f.allocate(0);
        long b = f.allocate(1);                           // another slab, same SuperSlab-wide count
        assertFalse(f.freeRemote(a));
        assertTrue(f.freeRemote(b), "the last free sees zero (I3)");
    }

    @Test
    void anOwnedSuperSlabIsNeverReleasedAndAnAbandonedEmptyOneIsReleasedOnce() {
        ProtocolFixture f = ProtocolFixture.of("decrement-at-drain");
        long a = f.allocate(0);
        f.freeRemote(a);
        assertFalse(f.reclaim(), "owned: no claim (I5)");
        f.abandon();
        assertTrue(f.reclaim(), "abandoned: claim, drain (I6), zero, release");
        assertFalse(f.reclaim(), "released once (I3)");
        assertEquals(1, f.releases());
        assertEquals(SuperSlab.RELEASED, f.ss.state());
        assertThrows(IllegalStateException.class, () -> f.allocate(0), "memory closed after release (I4)");
    }

    @Test
    void aNonEmptyAbandonedSuperSlabIsPutBackNotReleased() {
        ProtocolFixture f = ProtocolFixture.of("decrement-at-free");
        f.allocate(0);
        f.abandon();
        assertFalse(f.reclaim());
        assertEquals(SuperSlab.ABANDONED, f.ss.state());
        Object adopter = new Object();
        assertTrue(f.adopt(adopter));
        assertFalse(f.adopt(new Object()), "one adopter wins");
        assertEquals(adopter, f.ss.owner());
    }

    @Test
    void theSeedsVariantLeavesTheCountInflated() {
        ProtocolFixture f = ProtocolFixture.of("seed-missing-remote-dec");
        long a = f.allocate(0);
        f.freeRemote(a);
        f.drain(0);
        assertEquals(1, f.active(), "no live block, count 1: the seed's bug");
        assertNotEquals(null, f.validate(), "validate() reports the I1 violation");
    }

    @Test
    void aDrainWalksAtMostTheBlocksInUseAndRejectsForeignLinks() {
        ProtocolFixture f = ProtocolFixture.of("decrement-at-free");
        long a = f.allocate(0);
        long b = f.allocate(0);
        f.freeRemote(a);
        f.slab(0).remote().setLink(a, b + 3);             // a corrupted link
        assertThrows(CorruptedRemoteStackException.class, () -> f.drain(0));

        ProtocolFixture g = ProtocolFixture.of("decrement-at-free");
        long c = g.allocate(0);
        g.freeRemote(c);
        g.slab(0).remote().setLink(c, c);                 // a cycle
        assertThrows(CorruptedRemoteStackException.class, () -> g.drain(0));
    }

    @Test
    void aDrainThatFailsUnderAClaimGivesTheClaimBack() {
        ProtocolFixture f = ProtocolFixture.of("decrement-at-drain");
        long a = f.allocate(0);
        f.freeRemote(a);
        f.slab(0).remote().setLink(a, a + 3);             // corrupted by, say, a double free
        f.abandon();
        assertThrows(CorruptedRemoteStackException.class, f::reclaim);
        assertEquals(SuperSlab.ABANDONED, f.ss.state(), "a failed drain must not leave the SuperSlab claimed (I6)");
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
