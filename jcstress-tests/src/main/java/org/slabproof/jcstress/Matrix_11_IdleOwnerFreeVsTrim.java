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
 * Cell "owner free into its idle SuperSlab x trim"
 * ({@link org.slabproof.testkit.cells.IdleOwnerFreeVsTrim}): the owner frees the last live block of
 * its own IDLE SuperSlab while the trimmer passes. The owner no longer has it pinned, so the free
 * must be routed remote; then, as in {@link Matrix_05_LastFreeVsTrim}, it is released exactly
 * once (I3) and no later than the next pass (I6).
 *
 * <p>Targets local-free-into-idle (the free goes local: a credit nobody holds, I1, never released,
 * I6).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 11}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_11}
 */
public abstract class Matrix_11_IdleOwnerFreeVsTrim extends CellTest {
    Matrix_11_IdleOwnerFreeVsTrim() {
        super(Cells.IDLE_OWNER_FREE_VS_TRIM);
    }

    /** Decrement-at-free: the owner's free is remote, its zero or the trimmer's claim releases. */
    @JCStressTest
    @Outcome(id = "released, trim 0, ok", expect = ACCEPTABLE, desc = "the free, routed remote, made the count zero and released the SuperSlab; the trimmer found it in use or gone")
    @Outcome(id = "zero, trim 1, ok",     expect = ACCEPTABLE, desc = "the free made the count zero, but the trimmer claimed first and released it")
    @Outcome(id = ".*\\bI1\\b.*",         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_11_IdleOwnerFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the owner's free is pushed; a trim pass drains and releases. */
    @JCStressTest
    @Outcome(id = "remote, trim 1, ok", expect = ACCEPTABLE, desc = "the free was pushed before the trimmer looked: the pass drained it and released the SuperSlab")
    @Outcome(id = "remote, trim 0, ok", expect = ACCEPTABLE, desc = "the pass came before the push; the next pass (the arbiter's) released it")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_11_IdleOwnerFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** A free into the heap's own unpinned SuperSlab routed local, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class LocalFreeIntoIdle extends Matrix_11_IdleOwnerFreeVsTrim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
