package org.slabproof.lincheck;

import static org.slabproof.variants.KnownBadVariant.DOUBLE_DEC;
import static org.slabproof.variants.KnownBadVariant.SEED_MISSING_REMOTE_DEC;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.internal.AllocatorAccess;
import org.slabproof.memory.RegionSource;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.TinyWorld;

/**
 * The whole allocator, tiny: an {@link Allocator} built by {@link AllocatorAccess#create} with the
 * protocol under test, over {@link TinyWorld#TINY}'s geometry (256-byte SuperSlabs of four 64-byte
 * slabs) in small native memory, no background trimmer, no empty reserve. So its own pool,
 * registry, heap registry, reaper and trimmer ({@link Allocator#trimNow}) are what runs. Two
 * heaps from {@link AllocatorAccess#newHeap}, A and B, each used by one thread; four slots hold
 * live blocks (0-1 filled by A, 2-3 by B) and either thread may free any slot, so a free is local
 * or remote depending on who wins the slot. A may exit: its heap closes and a successor heap takes
 * over (Larson's hand-over), so that SuperSlabs are abandoned, adopted and released while the other
 * thread still frees into them. Blocks are half a slab ({@link #SIZE}): A's two slots fill its slab,
 * so that its next malloc after a remote free drains.
 *
 * <p>Checked at every quiescent point: {@link HeapRoles#check} over the allocator's own
 * environment (the shared quiescent check, I1 to I6, and I5 from what the roles know). The
 * specification is slot occupancy; a wrong value can only be the structure's own bug and names no
 * invariant; allocator errors show as exceptions, which name theirs. Model checking is expensive
 * here (Lincheck tracks every object the allocator creates), so the shapes of the seed's failure
 * are pinned ({@link #pinnedScenarios}). Targets: see {@link Structure#ALLOCATOR}.
 */
@Param(name = "own", gen = IntGen.class, conf = "0:1")
@Param(name = "any", gen = IntGen.class, conf = "0:3")
public class AllocatorScenario {
    /** Two blocks per slab. */
    static final int SIZE = TinyWorld.TINY.slabSize() / 2;
    private static final int A = 0;
    private static final int B = 1;
    private static final int SLOTS = 4;

    private final HeapRoles roles;

    /** A tiny allocator running the selected protocol, and its heaps A and B. */
    public AllocatorScenario() {
        FreeProtocol protocol = ProtocolUnderTest.protocol();
        Allocator allocator = AllocatorAccess.create(AllocatorConfig.builder()
                .superSlabSize(TinyWorld.TINY.superSlabSize())
                .slabSize(TinyWorld.TINY.slabSize())
                .policy(protocol.policy())
                .trimInterval(Duration.ZERO)
                .emptyReserve(0)
                .build(), protocol, RegionSource.small());
        roles = new HeapRoles(AllocatorAccess.environment(allocator), TinyWorld.TINY,
                () -> AllocatorAccess.newHeap(allocator), allocator::trimNow, SIZE, SLOTS, "A", "B");
    }

    /** A allocates into its slot (0..1) if it is empty; true if it allocated. */
    @Operation(nonParallelGroup = "A")
    public boolean mallocA(@Param(name = "own") int slot) {
        return roles.malloc(A, slot);
    }

    /** A frees the block in slot 0..3, if any (local or remote); true if there was one. */
    @Operation(nonParallelGroup = "A")
    public boolean freeA(@Param(name = "any") int slot) {
        return roles.free(A, slot) >= 0;
    }

    /** A's thread exits and a successor heap takes its place. */
    @Operation(nonParallelGroup = "A")
    public void exitA() {
        roles.exit(A);
    }

    /** B allocates into its slot (2..3) if it is empty; true if it allocated. */
    @Operation(nonParallelGroup = "B")
    public boolean mallocB(@Param(name = "own") int slot) {
        return roles.malloc(B, 2 + slot);
    }

    /** B frees the block in slot 0..3, if any (local or remote); true if there was one. */
    @Operation(nonParallelGroup = "B")
    public boolean freeB(@Param(name = "any") int slot) {
        return roles.free(B, slot) >= 0;
    }

    /** One pass of the allocator's trimmer, from whichever thread. */
    @Operation
    public void trim() {
        roles.trim();
    }

    /** I1 to I6 at every quiescent point. */
    @Validate
    public void invariants() {
        roles.check();
    }

    /**
     * The shapes of the seed's failure, checked first in every run. Larson's hand-over: A
     * allocates two blocks and exits while B frees one of them remotely and the trimmer runs; A's
     * successor frees the other (also a remote free now); after a last trim the SuperSlab must be
     * gone (I1, I6). And the owner's drain: A's slab is full and one block of it is pending on its
     * remote stack; A's malloc drains it while B frees A's other block: the count must stay live
     * plus credit, never below (I1).
     */
    static List<Pinned.Shape> pinnedScenarios() {
        Pinned p = new Pinned(AllocatorScenario.class);
        return List.of(
                p.shape("Larson's hand-over", EnumSet.of(SEED_MISSING_REMOTE_DEC),
                        p.ops(p.op("mallocA", 0), p.op("mallocA", 1)),
                        p.ops(p.op("exitA"), p.op("freeA", 1)), p.ops(p.op("freeB", 0), p.op("trim")),
                        p.ops(p.op("trim"))),
                p.shape("the owner's drain vs a remote free", EnumSet.of(DOUBLE_DEC),
                        p.ops(p.op("mallocA", 0), p.op("mallocA", 1), p.op("freeB", 0)),
                        p.ops(p.op("mallocA", 0)), p.ops(p.op("freeB", 1)),
                        p.ops(p.op("trim"))));
    }

    /** The sequential specification: which slots hold a live block. */
    public static final class Spec extends SlotOccupancy {
        /** All slots empty. */
        public Spec() {
            super(SLOTS);
        }

        /** Fills A's slot if empty. */
        public boolean mallocA(int slot) {
            return fill(slot);
        }

        /** Fills B's slot if empty. */
        public boolean mallocB(int slot) {
            return fill(2 + slot);
        }

        /** Empties a slot. */
        public boolean freeA(int slot) {
            return empty(slot);
        }

        /** Empties a slot. */
        public boolean freeB(int slot) {
            return empty(slot);
        }

        /** No visible effect. */
        public void exitA() {
        }

        /** No visible effect. */
        public void trim() {
        }
    }
}
