package org.slabproof.lincheck;

import static org.slabproof.variants.KnownBadVariant.DEC_BEFORE_PUBLISH;
import static org.slabproof.variants.KnownBadVariant.DOUBLE_ZERO;
import static org.slabproof.variants.KnownBadVariant.SEED_MISSING_REMOTE_DEC;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.slabproof.AccountingPolicy;
import org.slabproof.Invariant;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.TinyWorld;

/**
 * The zero transition: a {@link TinyWorld} SuperSlab whose owner allocated three blocks and
 * exited (ABANDONED, count 3), two threads X and Y that free them through their own heaps (remote
 * frees, the real {@code ThreadHeap.free}) and the real trimmer. Nothing allocates, so the count
 * only falls and reaches zero once: here, unlike in {@link HeapScenario}, whether a free saw the
 * zero is a result the specification can predict. Under decrement-at-free exactly the free of the
 * last live block sees it (its decrement is the linearization point; a trimmer claims only after
 * it, so a claim that beats the free's own release attempt changes nothing); under
 * decrement-at-drain no free ever does, and the trimmer releases the SuperSlab.
 *
 * <p>Checked at every quiescent point: the shared quiescent check ({@link HeapRoles#check}) and
 * I3 as "at most one free saw the zero". A wrong result stands for I3: two frees saw the zero
 * transition, or the last free did not. Targets: see {@link Structure#LAST_FREES}.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:2")
public class LastFreesScenario {
    private static final int BLOCKS = 3;
    private static final int X = 0;
    private static final int Y = 1;

    private final HeapRoles roles;
    private final AtomicInteger zeroSeen = new AtomicInteger();   // frees that saw the count reach zero

    /** The owner allocates three blocks of one slab and exits; X and Y have empty heaps. */
    public LastFreesScenario() {
        TinyWorld world = new TinyWorld(ProtocolUnderTest.protocol());
        roles = new HeapRoles(world.environment(), TinyWorld.TINY, world::heap, world::trim, TinyWorld.SIZE, BLOCKS,
                "X", "Y");
        ThreadHeap owner = world.heap();
        for (int i = 0; i < BLOCKS; i++) {
            roles.hold(i, owner.malloc(TinyWorld.SIZE));
        }
        owner.close();
    }

    /** X frees the block in {@code slot}, if any; true if this free saw the count reach zero. */
    @Operation(nonParallelGroup = "X")
    public boolean freeX(@Param(name = "slot") int slot) {
        return free(X, slot);
    }

    /** Y frees the block in {@code slot}, if any; true if this free saw the count reach zero. */
    @Operation(nonParallelGroup = "Y")
    public boolean freeY(@Param(name = "slot") int slot) {
        return free(Y, slot);
    }

    /** One trimmer pass, from whichever thread. */
    @Operation
    public void trim() {
        roles.trim();
    }

    /** I1 to I6 at every quiescent point, I3 as at most one zero seen. */
    @Validate
    public void invariants() {
        roles.check();
        InvariantViolation.require(Invariant.I3, zeroSeen.get() <= 1, "the count's one transition to zero was seen by "
                + zeroSeen.get() + " frees");
    }

    private boolean free(int role, int slot) {
        boolean zero = roles.free(role, slot) >= FreeProtocol.REMOTE_ZERO;
        if (zero) {
            zeroSeen.incrementAndGet();
        }
        return zero;
    }

    /** Pinned: the last two frees race; the last free races a trim pass. */
    static List<Pinned.Shape> pinnedScenarios() {
        Pinned p = new Pinned(LastFreesScenario.class);
        return List.of(
                p.shape("the last two frees race: the zero must be seen once", EnumSet.of(DOUBLE_ZERO),
                        p.ops(p.op("freeX", 2)), p.ops(p.op("freeX", 0)), p.ops(p.op("freeY", 1)), p.ops()),
                p.shape("the last free races a trim pass: the trimmer may claim only after the free's last touch",
                        EnumSet.of(DEC_BEFORE_PUBLISH, SEED_MISSING_REMOTE_DEC),
                        p.ops(p.op("freeX", 1), p.op("freeX", 2)), p.ops(p.op("freeX", 0)), p.ops(p.op("trim")),
                        p.ops()));
    }

    /** The sequential specification: which blocks are live; the free of the last one sees zero. */
    public static final class Spec {
        private final boolean countsAtFree = ProtocolUnderTest.policy() == AccountingPolicy.DECREMENT_AT_FREE;
        private final boolean[] live = {true, true, true};

        /** Frees a block. */
        public boolean freeX(int slot) {
            return free(slot);
        }

        /** Frees a block. */
        public boolean freeY(int slot) {
            return free(slot);
        }

        /** No visible effect. */
        public void trim() {
        }

        private boolean free(int slot) {
            if (!live[slot]) {
                return false;
            }
            live[slot] = false;
            return countsAtFree && !live[0] && !live[1] && !live[2];
        }
    }
}
