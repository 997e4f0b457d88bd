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
 * Cell "last remote free x trimmer claim" ({@link org.slabproof.testkit.cells.LastFreeVsTrim}), the
 * seed's Option G: the owner lives but has moved on to a second SuperSlab, so the first is IDLE
 * with one live block; another heap frees it while a trim pass runs. Released exactly once (I3),
 * never touched after (I4): under decrement-at-free by the free's zero or by the trimmer holding
 * the claim; under decrement-at-drain by this pass or the next one (I6).
 *
 * <p>Targets dec-before-publish (the push lands in a SuperSlab the trimmer released, I4),
 * seed-missing-remote-dec (the count never reaches zero, I1, I6) and, graded by decrement-at-drain,
 * release-without-drain (the trimmer checks the count without draining: never released, I6).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 05}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_05}
 */
public abstract class Matrix_05_LastFreeVsTrim extends CellTest {
    Matrix_05_LastFreeVsTrim() {
        super(Cells.LAST_FREE_VS_TRIM);
    }

    /** Decrement-at-free: the zero observer or the trimmer releases it, at once. */
    @JCStressTest
    @Outcome(id = "released, trim 0, ok", expect = ACCEPTABLE, desc = "the free made the count zero and released the IDLE SuperSlab; the trimmer found it in use or gone")
    @Outcome(id = "zero, trim 1, ok",     expect = ACCEPTABLE, desc = "the free made the count zero, but the trimmer claimed first and released it")
    @Outcome(id = ".*\\bI1\\b.*",         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_05_LastFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: a trim pass drains the pushed block and releases. */
    @JCStressTest
    @Outcome(id = "remote, trim 1, ok", expect = ACCEPTABLE, desc = "a was pushed before the trimmer looked: the pass drained it and released the SuperSlab")
    @Outcome(id = "remote, trim 0, ok", expect = ACCEPTABLE, desc = "the pass came before a's push; the next pass (the arbiter's) released it")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_05_LastFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The seed: remote frees never decrement, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_05_LastFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The free decrements, then pushes, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecBeforePublish extends Matrix_05_LastFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The claimant checks the count without draining, graded by decrement-at-drain's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtDrain.class)
    @State
    public static class ReleaseWithoutDrain extends Matrix_05_LastFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
