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
 * Cell "owner exit x last remote free, idle SuperSlab"
 * ({@link org.slabproof.testkit.cells.ExitIdleVsLastFree}): the closing heap claims its IDLE
 * SuperSlab (one live block left), drains it and, finding the count not zero, gives it back;
 * meanwhile the last free makes the count zero and its own claim fails. The re-read of the count
 * after the give-back (the Dekker pattern) is what still releases it (I6).
 *
 * <p>Targets skip-recheck (no re-read: the emptied SuperSlab stays unreleased, I3, I6).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 07}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_07}
 */
public abstract class Matrix_07_ExitIdleVsLastFree extends CellTest {
    Matrix_07_ExitIdleVsLastFree() {
        super(Cells.EXIT_IDLE_VS_LAST_FREE);
    }

    /** Decrement-at-free: the free's claim or the closing heap's releases it. */
    @JCStressTest
    @Outcome(id = "released, closed, ok", expect = ACCEPTABLE, desc = "the free made the count zero and claimed first: it released the SuperSlab")
    @Outcome(id = "zero, closed, ok",     expect = ACCEPTABLE, desc = "the closing heap held the claim when the count reached zero: it released it, at once or after its re-read")
    @Outcome(id = ".*\\bI1\\b.*",         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_07_ExitIdleVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the close's claim, or the next trim pass, drains and releases. */
    @JCStressTest
    @Outcome(id = "remote, closed, ok", expect = ACCEPTABLE, desc = "the close's claim drained a and released the SuperSlab, or gave it back before a's push and the next pass released it")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_07_ExitIdleVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** No re-read of the count after a claim is given back, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SkipRecheck extends Matrix_07_ExitIdleVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
