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
 * Cell "owner exit x last remote free" ({@link org.slabproof.testkit.cells.ExitVsLastFree}), Larson's
 * situation: another heap frees a, the last live block of the owner's pinned SuperSlab, while the
 * owner's heap closes (return credit, abandon, release if empty). Released exactly once, by
 * whichever comes last (I3, I6); the free touches nothing after its decrement (I4).
 *
 * <p>Targets seed-missing-remote-dec (I1, I6), dec-before-publish (I4), exit-leaves-pinned (the
 * closed heap's SuperSlab stays pinned, I6) and lost-credit (the credit is dropped, the count
 * never reaches zero, I1).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 06}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_06}
 */
public abstract class Matrix_06_ExitVsLastFree extends CellTest {
    Matrix_06_ExitVsLastFree() {
        super(Cells.EXIT_VS_LAST_FREE);
    }

    /** Decrement-at-free: whichever of the credit return and the free comes last sees zero. */
    @JCStressTest
    @Outcome(id = "remote, closed, ok",   expect = ACCEPTABLE, desc = "a was freed while the owner still held credit; the close returned it, saw zero and released the SuperSlab")
    @Outcome(id = "released, closed, ok", expect = ACCEPTABLE, desc = "the close came first and left the SuperSlab abandoned with a live; a's free made the count zero and released it")
    @Outcome(id = "zero, closed, ok",     expect = ACCEPTABLE, desc = "a's free made the count zero while the closing heap held the pin or the claim; the close released it")
    @Outcome(id = ".*\\bI1\\b.*",         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_06_ExitVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the close's claim, or the next trim pass, drains a and releases. */
    @JCStressTest
    @Outcome(id = "remote, closed, ok", expect = ACCEPTABLE, desc = "the close's claim drained a and released the SuperSlab, or a came later and the next pass released it")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_06_ExitVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The seed: remote frees never decrement, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_06_ExitVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The free decrements, then pushes, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecBeforePublish extends Matrix_06_ExitVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** A closing heap forgets its pinned SuperSlabs, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class ExitLeavesPinned extends Matrix_06_ExitVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The owner's credit dropped at the hand-off, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class LostCredit extends Matrix_06_ExitVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
