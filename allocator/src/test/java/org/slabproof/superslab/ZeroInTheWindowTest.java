package org.slabproof.superslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * The Dekker re-reads of decrement-at-free, one schedule each, deterministically: a remote free
 * that makes the count zero while the SuperSlab is pinned or claimed cannot release it
 * ({@link FreeProtocol#REMOTE_ZERO}), so the thread that held it must see the zero after its own
 * state write and release it (I6). The free runs, through the real {@link FreeProtocol#free}, at
 * the one point where a concurrent thread could land: after the holder's hand-off, before its
 * state write. The concurrent schedules are the jcstress and vmlens cells'; this pins the one
 * that needs the re-read.
 */
class ZeroInTheWindowTest {
    /** Decrement-at-free that runs one injected step right after each hand-off. */
    private static final class FreeAfterHandOff extends DecrementAtFree {
        private Runnable next;

        void then(Runnable step) {
            next = step;
        }

        private void runInjected() {
            Runnable step = next;
            next = null;
            if (step != null) {
                step.run();
            }
        }

        @Override
        protected int handOff(SuperSlab ss) {
            int count = super.handOff(ss);
            runInjected();
            return count;
        }

        @Override
        protected void handOffClaim(SuperSlab ss) {
            super.handOffClaim(ss);
            runInjected();
        }
    }

    private final FreeAfterHandOff protocol = new FreeAfterHandOff();
    private final TinyWorld world = new TinyWorld(protocol);
    private final ThreadHeap owner = world.heap();
    private final ThreadHeap freer = world.heap();

    /** The last block is freed remotely in the window: the free sees zero and cannot release. */
    private void lastFreeInTheWindow(long block) {
        protocol.then(() -> assertEquals(FreeProtocol.REMOTE_ZERO, freer.free(block)));
    }

    private void assertReleased(SuperSlab ss) {
        assertEquals(SuperSlab.RELEASED, ss.kind(), "the zero seen in the window was lost (I6)");
        QuiescentChecker.require(world.environment(), new long[0], false);
    }

    @Test
    void anUnpinningOwnerReleasesWhatTheLastFreeEmptiedWhileItWasPinned() {
        long block = owner.malloc(TinyWorld.SIZE);
        SuperSlab ss = world.superSlabs().getFirst();
        lastFreeInTheWindow(block);
        assertTrue(protocol.unpin(ss, owner.id()));
        assertReleased(ss);
    }

    @Test
    void anOwnerMovingOnForgetsTheSuperSlabItsUnpinReleased() {
        long[] blocks = new long[TinyWorld.TINY.slabCount()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = owner.malloc(48);                                // one per slab: the SuperSlab is full
        }
        SuperSlab left = world.superSlabs().getFirst();
        protocol.then(() -> {
            for (int i = 0; i < blocks.length; i++) {
                assertEquals(i < blocks.length - 1 ? FreeProtocol.REMOTE : FreeProtocol.REMOTE_ZERO, freer.free(blocks[i]));
            }
        });
        long next = owner.malloc(48);                                    // maps a second one, unpins the first
        SuperSlab second = world.superSlabs().getLast();
        assertEquals(SuperSlab.RELEASED, left.kind(), "the zero seen in the window was lost (I6)");
        assertEquals(List.of(second), owner.ownedSuperSlabs(), "released under the heap: forgotten");
        QuiescentChecker.require(world.environment(), new long[] {next}, false);
    }

    @Test
    void aClaimantGivingBackReleasesWhatTheLastFreeEmptiedUnderItsClaim() {
        long block = owner.malloc(TinyWorld.SIZE);
        SuperSlab ss = world.superSlabs().getFirst();
        assertFalse(protocol.unpin(ss, owner.id()));
        lastFreeInTheWindow(block);
        assertTrue(protocol.reclaim(ss, SuperSlab.idle(owner.id())));
        assertReleased(ss);
    }

    @Test
    void anAdopterGivingBackReleasesWhatTheLastFreeEmptiedUnderItsClaim() {
        long block = owner.malloc(48);                                   // one 48-byte block per slab: full
        owner.close();
        SuperSlab ss = world.superSlabs().getFirst();
        assertEquals(SuperSlab.ABANDONED, ss.kind());
        lastFreeInTheWindow(block);
        assertFalse(protocol.adopt(ss, world.heap().id()), "more than half full when the adopter looked");
        assertReleased(ss);
    }
}
