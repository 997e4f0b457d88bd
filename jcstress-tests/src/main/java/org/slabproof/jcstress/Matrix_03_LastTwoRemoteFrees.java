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
 * Cell "the zero race" ({@link org.slabproof.testkit.cells.LastTwoRemoteFrees}): an abandoned
 * SuperSlab holds its last two live blocks, and two other heaps free them at once. Under
 * decrement-at-free exactly one free sees the count reach zero (I3) and releases the SuperSlab then
 * and there; under decrement-at-drain neither does, and the trimmer's next pass (the arbiter's
 * settling step) releases it (I6).
 *
 * <p>Targets double-zero (zero read after the decrement: both frees see it, I3) and
 * seed-missing-remote-dec (no free ever decrements: the count stays 2, nothing is released, I1, I6).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 03}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_03}
 */
public abstract class Matrix_03_LastTwoRemoteFrees extends CellTest {
    Matrix_03_LastTwoRemoteFrees() {
        super(Cells.LAST_TWO_REMOTE_FREES);
    }

    /** Decrement-at-free: one zero transition, one release, by the free that made it. */
    @JCStressTest
    @Outcome(id = "remote, released, ok",                 expect = ACCEPTABLE, desc = "a's free came first; b's decrement made the count zero and b's free released it")
    @Outcome(id = "released, remote, ok",                 expect = ACCEPTABLE, desc = "b's free came first; a's decrement made the count zero and a's free released it")
    @Outcome(id = "(zero|released), (zero|released), .*", expect = FORBIDDEN,  desc = "I3: both frees saw the count reach zero")
    @Outcome(id = ".*\\bI1\\b.*",                         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",                         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",                         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",                         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",                         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",                         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_03_LastTwoRemoteFrees {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: remote frees leave the count alone; the next trim pass drains and releases. */
    @JCStressTest
    @Outcome(id = "remote, remote, ok", expect = ACCEPTABLE, desc = "both blocks pushed; the trimmer's next pass drained them and released the SuperSlab")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_03_LastTwoRemoteFrees {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The seed: remote frees never decrement, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_03_LastTwoRemoteFrees {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Zero detected by a separate read after the decrement, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleZero extends Matrix_03_LastTwoRemoteFrees {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
