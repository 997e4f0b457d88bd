package org.slabproof.lincheck;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.slabproof.AccountingPolicy;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.AllocatorStats;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.memory.RegionSource;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.variants.KnownBadVariant;
import org.slabproof.variants.ProtocolCatalog;

/**
 * The whole allocator, tiny: 256-byte SuperSlabs of four 64-byte slabs, 16-byte blocks, no
 * background trimmer, no empty reserve. Two heaps, A and B, each used by one thread; four slots
 * hold live blocks (0-1 filled by A, 2-3 by B) and either thread may free any slot, so a free is
 * local or remote depending on who wins the slot. A may exit (its heap closes and a successor
 * heap takes over, as Larson's workers do), so that SuperSlabs are abandoned, adopted, drained by
 * the trimmer and released while the other thread still frees into them. Model checking is
 * expensive here (Lincheck tracks every object the allocator creates), so the shapes of the
 * seed's failure are pinned ({@link #pinnedScenarios}) and checked before the random ones.
 *
 * <p>What is checked: {@link #invariants} after every part (I1 and I2 against the slots, per
 * SuperSlab and per slab; I3 as "released SuperSlabs + live ones == mapped ones"; I5 as "no live
 * block in a released SuperSlab"; I6 as "no abandoned SuperSlab left empty"); and, mid-run, the
 * two queries of heap A, which must always answer true. The specification only tracks which slots
 * hold a block: the allocator's nondeterminism (which SuperSlab a block comes from, who releases
 * it) is not part of any result. Touching a released SuperSlab throws (I4), which the
 * specification never does. Targets: {@code seed-missing-remote-dec}, {@code double-dec}.
 */
@Param(name = "own", gen = IntGen.class, conf = "0:1")
@Param(name = "any", gen = IntGen.class, conf = "0:3")
public class AllocatorScenario {
    private final TwoHeaps heaps = new TwoHeaps(ProtocolUnderTest.id());

    /** A allocates into its slot (0..1) if it is empty; true if it allocated. */
    @Operation(nonParallelGroup = "A")
    public boolean mallocA(@Param(name = "own") int slot) {
        return heaps.malloc(TwoHeaps.A, slot);
    }

    /** A frees the block in slot 0..3, if any (local or remote); true if there was one. */
    @Operation(nonParallelGroup = "A")
    public boolean freeA(@Param(name = "any") int slot) {
        return heaps.free(TwoHeaps.A, slot);
    }

    /** A drains the remote stacks of its SuperSlabs. */
    @Operation(nonParallelGroup = "A")
    public void drainA() {
        heaps.drain(TwoHeaps.A);
    }

    /** A's thread exits and a successor takes its heap's place. */
    @Operation(nonParallelGroup = "A")
    public void exitA() {
        heaps.exit(TwoHeaps.A);
    }

    /** Query: each SuperSlab A owns counts at least the live blocks in it (I1, mid-run). */
    @Operation(nonParallelGroup = "A")
    public boolean activeCoversLiveA() {
        return heaps.activeCoversLive(TwoHeaps.A);
    }

    /** Query: no block of A's slots lies in a released SuperSlab (I5, mid-run). */
    @Operation(nonParallelGroup = "A")
    public boolean noLiveBlockReleasedA() {
        return heaps.noLiveBlockReleased(TwoHeaps.A);
    }

    /** B allocates into its slot (2..3) if it is empty; true if it allocated. */
    @Operation(nonParallelGroup = "B")
    public boolean mallocB(@Param(name = "own") int slot) {
        return heaps.malloc(TwoHeaps.B, slot);
    }

    /** B frees the block in slot 0..3, if any (local or remote); true if there was one. */
    @Operation(nonParallelGroup = "B")
    public boolean freeB(@Param(name = "any") int slot) {
        return heaps.free(TwoHeaps.B, slot);
    }

    /** B drains the remote stacks of its SuperSlabs. */
    @Operation(nonParallelGroup = "B")
    public void drainB() {
        heaps.drain(TwoHeaps.B);
    }

    /** One trimmer pass, from whichever thread. */
    @Operation
    public void trim() {
        heaps.trim();
    }

    /** I1, I2, I3, I5, I6 at every quiescent point. */
    @Validate
    public void invariants() {
        heaps.check();
    }

    /**
     * The shapes of the seed's failure, checked first in every run. Larson's hand-over: A
     * allocates two blocks and exits while B frees one of them remotely and the trimmer runs; A's
     * successor frees the other (also a remote free now); after a last trim the SuperSlab must
     * be gone (I1, I6). And the owner's drain racing a remote free of its block, then a local
     * free of the other: the count must end at zero, never below (I1).
     */
    static List<ExecutionScenario> pinnedScenarios() {
        Class<?> c = AllocatorScenario.class;
        return List.of(
                Pinned.scenario(List.of(Pinned.op(c, "mallocA", 0), Pinned.op(c, "mallocA", 1)),
                        List.of(List.of(Pinned.op(c, "exitA"), Pinned.op(c, "freeA", 1)),
                                List.of(Pinned.op(c, "freeB", 0), Pinned.op(c, "trim"))),
                        List.of(Pinned.op(c, "trim"))),
                Pinned.scenario(List.of(Pinned.op(c, "mallocA", 0), Pinned.op(c, "mallocA", 1)),
                        List.of(List.of(Pinned.op(c, "drainA"), Pinned.op(c, "freeA", 1)),
                                List.of(Pinned.op(c, "freeB", 0))),
                        List.of(Pinned.op(c, "drainA"))));
    }

    /** The sequential specification: which slots hold a live block. Queries always hold. */
    public static final class Spec {
        private final boolean[] full = new boolean[TwoHeaps.SLOTS];

        /** Fills A's slot if empty. */
        public boolean mallocA(int slot) {
            return fill(slot);
        }

        /** Fills B's slot if empty. */
        public boolean mallocB(int slot) {
            return fill(2 + slot);
        }

        private boolean fill(int slot) {
            boolean wasEmpty = !full[slot];
            full[slot] = true;
            return wasEmpty;
        }

        /** Empties a slot. */
        public boolean freeA(int slot) {
            return empty(slot);
        }

        /** Empties a slot. */
        public boolean freeB(int slot) {
            return empty(slot);
        }

        private boolean empty(int slot) {
            boolean wasFull = full[slot];
            full[slot] = false;
            return wasFull;
        }

        /** No visible effect. */
        public void drainA() {
        }

        /** No visible effect. */
        public void drainB() {
        }

        /** No visible effect. */
        public void exitA() {
        }

        /** No visible effect. */
        public void trim() {
        }

        /** Always holds. */
        public boolean activeCoversLiveA() {
            return true;
        }

        /** Always holds. */
        public boolean noLiveBlockReleasedA() {
            return true;
        }
    }

    /** A tiny allocator, heaps A and B, and the four slots of live blocks. */
    static final class TwoHeaps {
        static final int A = 0;
        static final int B = 1;
        static final int SLOTS = 4;
        private static final int SIZE = 16;

        private final Allocator allocator;
        private final ThreadHeap[] heap = new ThreadHeap[2];           // heap[r] used by role r's thread only
        private final AtomicLongArray slots = new AtomicLongArray(SLOTS);  // live block addresses, 0 = empty

        TwoHeaps(String protocolId) {
            AllocatorConfig.Builder config = AllocatorConfig.builder()
                    .geometry(new Geometry(8, 6))
                    .regionSource(RegionSource.small())
                    .trimInterval(Duration.ZERO)
                    .emptyReserve(0);
            if (ProtocolCatalog.correctIds().contains(protocolId)) {
                config.policy(AccountingPolicy.fromId(protocolId));
            } else {
                config.variant(KnownBadVariant.fromId(protocolId));
            }
            this.allocator = Allocator.create(config.build());
            heap[A] = allocator.newHeap();
            heap[B] = allocator.newHeap();
        }

        boolean malloc(int role, int slot) {
            int s = 2 * role + slot;                        // A fills 0-1, B fills 2-3: nobody else does
            if (slots.get(s) != 0) {
                return false;
            }
            long block = heap[role].malloc(SIZE);
            for (int i = 0; i < SLOTS; i++) {
                if (slots.get(i) == block) {
                    throw new InvariantViolation("I2: block 0x" + Long.toHexString(block) + " handed out while live");
                }
            }
            slots.set(s, block);
            return true;
        }

        boolean free(int role, int slot) {
            long block = slots.getAndSet(slot, 0);
            if (block == 0) {
                return false;
            }
            heap[role].free(block);
            return true;
        }

        void drain(int role) {
            for (SuperSlab ss : heap[role].ownedSuperSlabs()) {
                ss.drainAll();
            }
        }

        void exit(int role) {
            heap[role].close();
            heap[role] = allocator.newHeap();
        }

        void trim() {
            allocator.trimNow();
        }

        /**
         * Reads each owned SuperSlab's count first, then the slots: meanwhile the other thread can
         * only free blocks of it (it cannot allocate from a SuperSlab it does not own), so a
         * correct count read first is never below the live blocks read after.
         */
        boolean activeCoversLive(int role) {
            for (SuperSlab ss : heap[role].ownedSuperSlabs()) {
                int active = ss.activeBlocks();
                if (active < Invariants.countIn(ss.base(), ss.geometry().superSlabSize(), snapshot())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A block of the role's own slots whose SuperSlab is no longer live, and which is still in
         * its slot after that was seen, was live while its SuperSlab was released. Only this
         * thread fills these slots, so the second read cannot see a new block at an old address.
         */
        boolean noLiveBlockReleased(int role) {
            List<SuperSlab> live = allocator.liveSuperSlabs();
            for (int s = 2 * role; s < 2 * role + 2; s++) {
                long block = slots.get(s);
                if (block != 0 && containing(live, block) == null && slots.get(s) == block) {
                    return false;
                }
            }
            return true;
        }

        void check() {
            long[] blocks = snapshot();
            List<SuperSlab> live = allocator.liveSuperSlabs();
            for (String problem : allocator.checkInvariants()) {
                throw new InvariantViolation(problem);
            }
            for (SuperSlab ss : live) {
                Invariants.checkUnreleased(ss, blocks);
            }
            for (long block : blocks) {
                if (block != 0 && containing(live, block) == null) {
                    throw new InvariantViolation("I5: live block 0x" + Long.toHexString(block)
                            + " is in a released SuperSlab");
                }
            }
            AllocatorStats stats = allocator.stats();
            if (stats.superSlabsAllocated() != stats.superSlabsFreed() + live.size()) {
                throw new InvariantViolation("I3: " + stats.superSlabsAllocated() + " SuperSlabs mapped, "
                        + stats.superSlabsFreed() + " releases counted, " + live.size()
                        + " live: a SuperSlab was released twice");
            }
        }

        private long[] snapshot() {
            long[] blocks = new long[SLOTS];
            for (int i = 0; i < SLOTS; i++) {
                blocks[i] = slots.get(i);
            }
            return blocks;
        }

        private static SuperSlab containing(List<SuperSlab> superSlabs, long block) {
            for (SuperSlab ss : superSlabs) {
                if (block - ss.base() >= 0 && block - ss.base() < ss.geometry().superSlabSize()) {
                    return ss;
                }
            }
            return null;
        }
    }
}
