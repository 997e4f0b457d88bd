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
 * Cell "reaping a dead owner x late remote free" ({@link org.slabproof.testkit.cells.ReapVsLateFree}):
 * the owner's thread died without closing its heap, a still live; another heap frees a while a trim
 * pass reaps the dead heap (closing it for its thread: return credit, abandon, release if empty).
 * Released exactly once (I3), by the end of the next pass at the latest (I6). {@code trim N} counts
 * the SuperSlabs the pass's sweep released, not one its reaping released.
 *
 * <p>Targets seed-missing-remote-dec (I1, I6), exit-leaves-pinned (the dead owner's SuperSlab
 * stays pinned for ever, I6), lost-credit (I1, I6) and, graded by decrement-at-drain,
 * release-without-drain (I6).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 13}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_13}
 */
public abstract class Matrix_13_ReapVsLateFree extends CellTest {
    Matrix_13_ReapVsLateFree() {
        super(Cells.REAP_VS_LATE_FREE);
    }

    /** Decrement-at-free: reaping returns the dead owner's credit; whichever comes last sees zero. */
    @JCStressTest
    @Outcome(id = "remote, trim 0, ok",   expect = ACCEPTABLE, desc = "a was freed while the dead owner's credit was counted; reaping returned it, saw zero and released the SuperSlab")
    @Outcome(id = "released, trim 0, ok", expect = ACCEPTABLE, desc = "reaping abandoned the SuperSlab first, a live; a's free made the count zero and released it")
    @Outcome(id = "zero, trim 0, ok",     expect = ACCEPTABLE, desc = "a's free made the count zero while the reaper held the pin or the claim: the reaping released it")
    @Outcome(id = "zero, trim 1, ok",     expect = ACCEPTABLE, desc = "a's free made the count zero after the reaping had given the SuperSlab back; the pass's sweep claimed first and released it")
    @Outcome(id = ".*\\bI1\\b.*",         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_13_ReapVsLateFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: reaping's claim, or a pass's sweep, drains a and releases. */
    @JCStressTest
    @Outcome(id = "remote, trim 0, ok", expect = ACCEPTABLE, desc = "reaping's claim drained a and released the SuperSlab, or a came later and the next pass released it")
    @Outcome(id = "remote, trim 1, ok", expect = ACCEPTABLE, desc = "reaping gave the SuperSlab back before a's push; the same pass's sweep drained a and released it")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_13_ReapVsLateFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The seed: remote frees never decrement, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_13_ReapVsLateFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** A closing heap forgets its pinned SuperSlabs, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class ExitLeavesPinned extends Matrix_13_ReapVsLateFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The claimant checks the count without draining, graded by decrement-at-drain's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtDrain.class)
    @State
    public static class ReleaseWithoutDrain extends Matrix_13_ReapVsLateFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The owner's credit dropped at the hand-off, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class LostCredit extends Matrix_13_ReapVsLateFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
