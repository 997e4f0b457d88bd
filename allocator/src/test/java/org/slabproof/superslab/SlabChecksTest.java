package org.slabproof.superslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.AccountingPolicy;
import org.slabproof.AllocatorException;
import org.slabproof.CorruptedRemoteStackException;
import org.slabproof.DoubleFreeException;
import org.slabproof.InvalidSizeException;
import org.slabproof.Invariant;
import org.slabproof.MisalignedAddressException;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.testkit.OwnedBlock;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * The checks a slab makes on its own, at their edges, on the tiny world: which error an address
 * just past the last block, the next uncarved block or a misaligned one gets; what a drain
 * rejects and what it splices; and that each equation {@link Slab#validate()} and
 * {@link SuperSlab#validate()} state reports its own breakage, with the invariant it names. The
 * checks are what every suite relies on to fail: a check that cannot fail would make them pass
 * vacuously.
 */
class SlabChecksTest {
    /** Frees {@code address} through the heap, expects {@code type}, and returns the message. */
    private static String rejected(ThreadHeap heap, long address, Class<? extends AllocatorException> type) {
        String message = assertThrows(type, () -> heap.free(address)).getMessage();
        assertTrue(message.contains("0x" + Long.toHexString(address)), message);
        return message;
    }

    @Test
    void eachBadAddressGetsItsOwnError() {
        OwnedBlock o = OwnedBlock.of(AccountingPolicy.DECREMENT_AT_FREE, 24);   // 24-byte blocks: 2 per 64-byte slab
        long pastLast = o.slab().start() + 2 * 24;                       // in the slab, past its last block
        assertTrue(rejected(o.owner(), pastLast, MisalignedAddressException.class).contains("24-byte block"));
        long nextUncarved = o.block() + 24;
        assertTrue(rejected(o.owner(), nextUncarved, DoubleFreeException.class).contains("never handed out"));
        long unformatted = o.superSlab().slab(3).start();
        assertTrue(rejected(o.owner(), unformatted, MisalignedAddressException.class).contains("holds no blocks"));
        long eightByte = o.owner().malloc(8);                           // class 0 gets the size-class message too
        assertTrue(rejected(o.owner(), eightByte + 1, MisalignedAddressException.class).contains("8-byte block"));
        QuiescentChecker.require(o.world().environment(), new long[] {o.block(), eightByte}, false);
    }

    @Test
    void checkedModeKeepsALiveBitPerBlockOfTheTinySlab() {
        TinyWorld w = new TinyWorld(FreeProtocol.of(AccountingPolicy.DECREMENT_AT_FREE), true);
        ThreadHeap owner = w.heap();
        long[] blocks = new long[8];                                     // 8-byte blocks: 8 bits, one word
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = owner.malloc(8);
        }
        owner.free(blocks[0]);
        owner.free(blocks[7]);
        assertThrows(DoubleFreeException.class, () -> owner.free(blocks[0]));   // not a list head: the bit says so
        QuiescentChecker.require(w.environment(), new long[] {blocks[1], blocks[2], blocks[3], blocks[4], blocks[5],
                blocks[6]}, false);
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void aDrainSplicesTheRemoteBlocksOntoTheLocalFreelistAndSettlesTheRemoteCount(AccountingPolicy policy) {
        OwnedBlock o = OwnedBlock.of(policy, TinyWorld.SIZE);
        long local = o.block();
        long remote = o.owner().malloc(TinyWorld.SIZE);
        long live = o.owner().malloc(TinyWorld.SIZE);
        o.owner().free(local);
        o.world().heap().free(remote);
        assertEquals(1, o.slab().remote().count());
        assertEquals(1, o.superSlab().drainAll(), "blocks moved");
        assertEquals(0, o.slab().remote().count(), "a drain takes what it moved off the remote count");
        QuiescentChecker.require(o.world().environment(), new long[] {live}, false);   // nothing lost (I2)
        assertEquals(Set.of(local, remote), Set.of(o.owner().malloc(TinyWorld.SIZE), o.owner().malloc(TinyWorld.SIZE)));
    }

    @Test
    void aDrainRejectsALinkToABlockNotCarvedYet() {
        OwnedBlock o = OwnedBlock.of(AccountingPolicy.DECREMENT_AT_DRAIN, TinyWorld.SIZE);
        o.owner().malloc(TinyWorld.SIZE);
        o.world().heap().free(o.block());
        o.slab().remote().setLink(o.block(), o.slab().start() + 2 * TinyWorld.SIZE);   // the first uncarved block
        assertThrows(CorruptedRemoteStackException.class, () -> o.world().protocol().drain(o.slab()));
    }

    @Test
    void aDrainChecksTheFirstBlockOfTheStackToo() {
        OwnedBlock o = OwnedBlock.of(AccountingPolicy.DECREMENT_AT_DRAIN, TinyWorld.SIZE);
        o.owner().malloc(TinyWorld.SIZE);
        o.world().heap().free(o.block());
        o.slab().remote().push(o.block() + 3);                         // a corrupted top of stack
        String message = assertThrows(CorruptedRemoteStackException.class,
                () -> o.world().protocol().drain(o.slab())).getMessage();
        assertTrue(message.contains("at position 0"), message);
    }

    /** Breaks one slab's lists or fields by {@code corruption}, then expects both validations to name it. */
    private static void reports(AccountingPolicy policy, Invariant invariant, String what, Consumer<OwnedBlock> corruption) {
        OwnedBlock o = OwnedBlock.of(policy, TinyWorld.SIZE);
        assertNull(o.superSlab().validate());
        corruption.accept(o);
        Violation v = o.superSlab().validate();
        assertEquals(invariant, v == null ? null : v.invariant(), String.valueOf(v));
        assertTrue(v.what().startsWith("SuperSlab #" + o.superSlab().id()) && v.what().contains(what), v.what());
    }

    @Test
    void validationNamesEachBrokenSlabEquation() {
        AccountingPolicy policy = AccountingPolicy.DECREMENT_AT_DRAIN;
        reports(policy, Invariant.I2, "uncarved 2 != capacity 4", o -> {
            long second = o.owner().malloc(TinyWorld.SIZE);
            o.owner().free(o.block());
            o.owner().free(second);
            o.slab().remote().setLink(second, 0);                       // the local freelist loses a block
        });
        reports(policy, Invariant.I2, "longer than the capacity", o -> {
            o.owner().free(o.block());
            o.slab().remote().setLink(o.block(), o.block());             // a cycle
        });
        reports(policy, Invariant.I2, "remote stack holds 2 blocks but only 1", o -> {
            o.world().heap().free(o.block());
            o.slab().remote().push(o.block() + TinyWorld.SIZE);          // a block that is not in use
        });
        reports(policy, Invariant.I2, "unformatted slab 1 has used=-1", o -> {
            assertThrows(InvalidSizeException.class, () -> o.owner().malloc(100));  // slab 1 taken, left unformatted
            Slab unformatted = o.superSlab().slab(1);
            unformatted.pushLocal(unformatted.start());                 // a free into a slab that holds no block
        });
    }

    @Test
    void validationNamesAWrongCountUnderEachPolicy() {
        reports(AccountingPolicy.DECREMENT_AT_FREE, Invariant.I1, "totalActiveBlocks=5",
                o -> o.superSlab().totalActiveBlocksCell().incrementAndGet());
        reports(AccountingPolicy.DECREMENT_AT_FREE, Invariant.I1, "slab 0: credit 4 outside 0..3",
                o -> o.slab().setCreditLimit(TinyWorld.PER_SLAB + 1));
        reports(AccountingPolicy.DECREMENT_AT_FREE, Invariant.I1, "slab 0: credit -1 outside 0..3",
                o -> o.slab().setCreditLimit(0));
        reports(AccountingPolicy.DECREMENT_AT_FREE, Invariant.I1,
                "totalActiveBlocks=4 but 1 blocks are live and the owner holds 2 credit",
                o -> o.slab().setCreditLimit(TinyWorld.PER_SLAB - 1));
        reports(AccountingPolicy.DECREMENT_AT_DRAIN, Invariant.I1, "counts nothing ahead, but slab 0 has a credit limit of 1",
                o -> o.slab().setCreditLimit(1));
    }

    @Test
    void theCellsHandedToTheKnownBadVariantsAreTheLiveOnes() {
        OwnedBlock o = OwnedBlock.of(AccountingPolicy.DECREMENT_AT_FREE, TinyWorld.SIZE);
        o.world().heap().free(o.block());
        assertEquals(o.block(), o.slab().remote().headCell().get());
        assertEquals(1, o.slab().remote().countCell().get());
        assertEquals(o.superSlab().totalActiveBlocks(), o.superSlab().totalActiveBlocksCell().get());
    }

    @Test
    void geometriesAreAcceptedExactlyWithinTheirBounds() {
        for (int[] ok : new int[][] {{5, 5}, {20, 20}, {26, 20}, {15, 5}, {26, 16}}) {
            Geometry g = new Geometry(ok[0], ok[1]);
            assertEquals(1 << (ok[0] - ok[1]), g.slabCount());
        }
        for (int[] bad : new int[][] {{4, 4}, {21, 21}, {5, 6}, {27, 20}, {16, 5}}) {
            assertThrows(IllegalArgumentException.class, () -> new Geometry(bad[0], bad[1]), bad[0] + "/" + bad[1]);
        }
    }

    @Test
    void aSuperSlabKnowsItsBoundsItsSlabsAndItsState() {
        OwnedBlock o = OwnedBlock.of(AccountingPolicy.DECREMENT_AT_FREE, TinyWorld.SIZE);
        SuperSlab ss = o.superSlab();
        long size = TinyWorld.TINY.superSlabSize();
        assertTrue(ss.contains(ss.base()) && ss.contains(ss.base() + size - 1));
        assertFalse(ss.contains(ss.base() + size));
        assertFalse(ss.contains(ss.base() - 1));
        for (int i = 0; i < ss.slabCount(); i++) {
            assertEquals(i, ss.slab(i).index());
        }
        assertSame(o.world().protocol(), ss.protocol());
        assertEquals(1, ss.currentSlabs(), "the owner's one current slab");
        assertEquals("OWNED(" + o.owner().id() + ")", SuperSlab.describe(ss.state()));
        assertEquals("IDLE(7)", SuperSlab.describe(SuperSlab.idle(7)));
        assertEquals("ABANDONED", SuperSlab.describe(SuperSlab.ABANDONED));
        assertEquals("CLAIMED", SuperSlab.describe(SuperSlab.CLAIMED));
        assertEquals("RELEASED", SuperSlab.describe(SuperSlab.RELEASED));
        assertEquals("SuperSlab#" + ss.id() + "[OWNED(" + o.owner().id() + ")]", ss.toString());
        for (AccountingPolicy policy : AccountingPolicy.values()) {
            FreeProtocol protocol = FreeProtocol.of(policy);
            assertEquals(policy.id(), protocol.id());
            assertEquals(policy.id(), protocol.toString());
        }
    }
}
