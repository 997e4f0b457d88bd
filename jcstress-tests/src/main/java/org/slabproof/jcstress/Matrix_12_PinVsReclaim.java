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
 * Cell "the owner's pin x a claim of its IDLE SuperSlab"
 * ({@link org.slabproof.testkit.cells.PinVsReclaim}): the owner's current slab is full, so its
 * malloc pins its first, IDLE SuperSlab back to allocate from the blocks freed into it; meanwhile
 * another heap frees that SuperSlab's last live block (a zero observer that claims it, under
 * decrement-at-free) and runs a trim pass (the claimant, under decrement-at-drain). One CAS wins:
 * the owner allocates from a SuperSlab it has pinned, or the claimant releases it and the owner
 * allocates elsewhere; never both (I5), never a touch after release (I4).
 *
 * <p>Targets pin-without-cas (the pin by a read and a write: both hold it, I5, I4) and
 * claim-pinned (a claim of the pinned SuperSlab, I5, I4).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 12}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_12}
 */
public abstract class Matrix_12_PinVsReclaim extends CellTest {
    Matrix_12_PinVsReclaim() {
        super(Cells.PIN_VS_RECLAIM);
    }

    /** Decrement-at-free: the pin and the zero observer's claim exclude each other. */
    @JCStressTest
    @Outcome(id = "pinned, remote, trim 0, ok",     expect = ACCEPTABLE, desc = "the owner pinned the SuperSlab and counted ahead before the free: no zero; the trimmer leaves pinned ones alone")
    @Outcome(id = "pinned, zero, trim 0, ok",       expect = ACCEPTABLE, desc = "the owner pinned before the free's decrement and counted ahead after it: the free saw zero but could not claim")
    @Outcome(id = "moved on, released, trim 0, ok", expect = ACCEPTABLE, desc = "the free made the count zero and claimed first: it released the SuperSlab; the owner's pin failed, it moved on")
    @Outcome(id = ".*\\bI1\\b.*",                   expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",                   expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",                   expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",                   expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",                   expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",                   expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                                       expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_12_PinVsReclaim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the pin and the trimmer's claim exclude each other. */
    @JCStressTest
    @Outcome(id = "pinned, remote, trim 0, ok",   expect = ACCEPTABLE, desc = "the owner pinned the SuperSlab first; the trimmer leaves pinned ones alone")
    @Outcome(id = "moved on, remote, trim 1, ok", expect = ACCEPTABLE, desc = "the trimmer claimed first, drained and released the SuperSlab; the owner's pin failed, it moved on")
    @Outcome(id = ".*\\bI1\\b.*",                 expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",                 expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",                 expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",                 expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",                 expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",                 expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                                     expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_12_PinVsReclaim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Reclaim claims pinned SuperSlabs too, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class ClaimPinned extends Matrix_12_PinVsReclaim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The pin by a read and a write, not a CAS, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class PinWithoutCas extends Matrix_12_PinVsReclaim {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
