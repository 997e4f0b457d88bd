package org.slabproof.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLL_Result;

import org.slabproof.testkit.cells.Cells;

/**
 * Cell "remote push x remote push" ({@link org.slabproof.testkit.cells.PushPush}): two heaps free
 * a and b of one slab of an abandoned SuperSlab at once, c stays live. Both blocks must end on the
 * slab's remote stack (I2) and the count must have lost exactly two (I1); nothing reaches zero.
 *
 * <p>Targets racy-push (a push by plain read and write of the head loses one of the blocks, I2)
 * and double-credit-return (the exited owner's credit stays on the slabs of the abandoned
 * SuperSlab, I1).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 01}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_01}
 */
public abstract class Matrix_01_PushPush extends CellTest {
    Matrix_01_PushPush() {
        super(Cells.PUSH_PUSH);
    }

    /** Decrement-at-free: both decrements land, c keeps the count above zero. */
    @JCStressTest
    @Outcome(id = "remote, remote, ok", expect = ACCEPTABLE, desc = "both blocks pushed and decremented; c is live, so neither free saw zero")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_01_PushPush {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: both blocks pending, still counted until a drain. */
    @JCStressTest
    @Outcome(id = "remote, remote, ok", expect = ACCEPTABLE, desc = "both blocks pushed; the count keeps them until a drain, c keeps the SuperSlab")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_01_PushPush {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** A push by a plain read and a plain write of the head, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class RacyPush extends Matrix_01_PushPush {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The owner's credit returned but kept on the slabs, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleCreditReturn extends Matrix_01_PushPush {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
