package org.slabproof.lincheck;

import static org.slabproof.variants.KnownBadVariant.ADOPT_WITHOUT_CLAIM;
import static org.slabproof.variants.KnownBadVariant.CHECK_THEN_RELEASE;
import static org.slabproof.variants.KnownBadVariant.CLAIM_PINNED;
import static org.slabproof.variants.KnownBadVariant.DOUBLE_CREDIT_RETURN;
import static org.slabproof.variants.KnownBadVariant.DOUBLE_DEC;
import static org.slabproof.variants.KnownBadVariant.DRAIN_AS_CREDIT;
import static org.slabproof.variants.KnownBadVariant.EXIT_LEAVES_PINNED;
import static org.slabproof.variants.KnownBadVariant.LOCAL_FREE_INTO_IDLE;
import static org.slabproof.variants.KnownBadVariant.LOST_CREDIT;
import static org.slabproof.variants.KnownBadVariant.PIN_WITHOUT_CAS;
import static org.slabproof.variants.KnownBadVariant.RACY_CREDIT_REFILL;
import static org.slabproof.variants.KnownBadVariant.REAP_LIVE_OWNER;
import static org.slabproof.variants.KnownBadVariant.RELEASE_WITHOUT_DRAIN;
import static org.slabproof.variants.KnownBadVariant.SEED_MISSING_REMOTE_DEC;
import static org.slabproof.variants.KnownBadVariant.SKIP_RECHECK;

import java.util.EnumSet;
import java.util.List;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.slabproof.testkit.TinyWorld;

/**
 * The real heaps and the real trimmer of a {@link TinyWorld}: an owner A and another thread B,
 * each with its own {@code ThreadHeap}, four slots of live blocks, and only the allocator's own
 * calls ({@link HeapRoles}). A fills slots 0-2 and B slot 3; either frees any slot, so a free is
 * local or remote as the heap's routing decides from the pin; A can move on to another SuperSlab
 * (which unpins the old one) and exit (its heap closes and a fresh successor takes its place, whose
 * first malloc adopts if it can, as Larson's successors do); B's heap starts empty, so its first
 * malloc is a fresh heap's slow path too; either runs a trimmer pass. Pinning, unpinning, credit
 * refill and return, the trimmer's claim of an idle owner's SuperSlab, adoption, the zero
 * transition and release all happen in scenarios of a few operations.
 *
 * <p>Blocks are a slab long ({@link #SIZE}), one per slab: four mallocs fill a SuperSlab and the
 * fifth moves on, so the SuperSlab-level transitions need few operations. What happens inside a
 * slab with several blocks (pushes that race, multi-block drains) is {@link RemoteStackScenario}'s
 * and {@link AllocatorScenario}'s.
 *
 * <p>Checked at every quiescent point: {@link HeapRoles#check} (the shared quiescent check, I1 to
 * I6, and I5 from what the roles know). The specification is slot occupancy; every result is
 * decided by the slots' own atomic exchanges, so a wrong value can only be the structure's own
 * bug and names no invariant; an allocator error shows as an exception, which names its
 * invariant ({@code Classifier}). Targets: see {@link Structure#HEAPS}.
 */
@Param(name = "mine", gen = IntGen.class, conf = "0:2")
@Param(name = "any", gen = IntGen.class, conf = "0:3")
public class HeapScenario {
    /** One block per slab. */
    static final int SIZE = TinyWorld.TINY.slabSize();
    private static final int A = 0;
    private static final int B = 1;
    private static final int SLOTS = 4;
    private static final int B_SLOT = 3;
    /** A SuperSlab's blocks, plus every slot's block freed back into it meanwhile, plus one. */
    private static final int MOVE_LIMIT = TinyWorld.TINY.slabCount() + SLOTS + 1;

    private final HeapRoles roles;

    /** A world running the selected protocol; both heaps empty. */
    public HeapScenario() {
        TinyWorld world = new TinyWorld(ProtocolUnderTest.protocol());
        roles = new HeapRoles(world.environment(), TinyWorld.TINY, world::heap, world::trim, SIZE, SLOTS, "A", "B");
    }

    /** A allocates into its slot 0..2 if it is empty; true if it allocated. */
    @Operation(nonParallelGroup = "A")
    public boolean mallocA(@Param(name = "mine") int slot) {
        return roles.malloc(A, slot);
    }

    /** A frees the block in slot 0..3, if any; true if there was one. */
    @Operation(nonParallelGroup = "A")
    public boolean freeA(@Param(name = "any") int slot) {
        return roles.free(A, slot) >= 0;
    }

    /** A's heap moves on to another SuperSlab, unpinning the one it allocated from. */
    @Operation(nonParallelGroup = "A")
    public void moveOnA() {
        roles.moveOn(A, MOVE_LIMIT);
    }

    /** A's thread exits; a successor with a fresh heap takes over. */
    @Operation(nonParallelGroup = "A")
    public void exitA() {
        roles.exit(A);
    }

    /** B allocates into slot 3 if it is empty; true if it allocated. */
    @Operation(nonParallelGroup = "B")
    public boolean mallocB() {
        return roles.malloc(B, B_SLOT);
    }

    /** B frees the block in slot 0..3, if any; true if there was one. */
    @Operation(nonParallelGroup = "B")
    public boolean freeB(@Param(name = "any") int slot) {
        return roles.free(B, slot) >= 0;
    }

    /** One trimmer pass, from whichever thread. */
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
     * The shapes that matter, checked first in every run; each says which variants it reproduces.
     * Larson's hand-over; the credit at an exit; a refill against a remote free; an idle owner
     * whose blocks are all freed remotely, by another thread and by itself, against the trimmer; an
     * exit against the last free into an idle SuperSlab; a pin against the trimmer; adoption
     * against the last free.
     */
    static List<Pinned.Shape> pinnedScenarios() {
        Pinned p = new Pinned(HeapScenario.class);
        return List.of(
                p.shape("Larson's hand-over: A exits while B frees its blocks, the successor allocates (adopts)",
                        EnumSet.of(SEED_MISSING_REMOTE_DEC, EXIT_LEAVES_PINNED),
                        p.ops(p.op("mallocA", 0), p.op("mallocA", 1)),
                        p.ops(p.op("exitA"), p.op("mallocA", 2)), p.ops(p.op("freeB", 0), p.op("freeB", 1)),
                        p.ops(p.op("trim"))),
                p.shape("credit at the exit: A freed a block itself (credit back on its slab) and exits",
                        EnumSet.of(LOST_CREDIT, DOUBLE_CREDIT_RETURN),
                        p.ops(p.op("mallocA", 0), p.op("mallocA", 1), p.op("mallocA", 2), p.op("freeA", 2)),
                        p.ops(p.op("exitA")), p.ops(p.op("freeB", 0)),
                        p.ops(p.op("trim"))),
                p.shape("refill vs remote free: A's malloc drains its slab and refills credit; B frees A's other block",
                        EnumSet.of(RACY_CREDIT_REFILL, DOUBLE_DEC, DRAIN_AS_CREDIT, CHECK_THEN_RELEASE, CLAIM_PINNED),
                        p.ops(p.op("mallocA", 1), p.op("mallocA", 0), p.op("freeB", 0)),
                        p.ops(p.op("mallocA", 0)), p.ops(p.op("freeB", 1)),
                        p.ops()),
                p.shape("an idle owner whose blocks are all freed remotely, by B and by itself, and the trimmer",
                        EnumSet.of(LOCAL_FREE_INTO_IDLE, RELEASE_WITHOUT_DRAIN, REAP_LIVE_OWNER),
                        p.ops(p.op("mallocA", 0), p.op("mallocA", 1), p.op("moveOnA")),
                        p.ops(p.op("freeA", 0)), p.ops(p.op("freeB", 1), p.op("trim")),
                        p.ops(p.op("trim"))),
                p.shape("exit vs last free: A's close claims its idle SuperSlab while B frees the last block",
                        EnumSet.of(SKIP_RECHECK),
                        p.ops(p.op("mallocA", 0), p.op("moveOnA")),
                        p.ops(p.op("exitA")), p.ops(p.op("freeB", 0)),
                        p.ops()),
                p.shape("pin vs trim: A pins its idle SuperSlab back while B frees the last block there and trims",
                        EnumSet.of(PIN_WITHOUT_CAS, CLAIM_PINNED),
                        p.ops(p.op("mallocA", 0), p.op("moveOnA"), p.op("mallocA", 1)),
                        p.ops(p.op("mallocA", 2)), p.ops(p.op("freeB", 0), p.op("trim")),
                        p.ops()),
                p.shape("adoption vs last free: the successor adopts the abandoned SuperSlab, B frees its last block",
                        EnumSet.of(ADOPT_WITHOUT_CLAIM),
                        p.ops(p.op("mallocA", 0), p.op("mallocA", 1), p.op("freeA", 1), p.op("exitA")),
                        p.ops(p.op("mallocA", 2)), p.ops(p.op("freeB", 0)),
                        p.ops()));
    }

    /** The sequential specification: which slots hold a block. */
    public static final class Spec extends SlotOccupancy {
        /** All slots empty. */
        public Spec() {
            super(SLOTS);
        }

        /** Fills A's slot if it is empty. */
        public boolean mallocA(int slot) {
            return fill(slot);
        }

        /** Fills B's slot if it is empty. */
        public boolean mallocB() {
            return fill(B_SLOT);
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
        public void moveOnA() {
        }

        /** No visible effect. */
        public void exitA() {
        }

        /** No visible effect. */
        public void trim() {
        }
    }
}
