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
 * Cell "last remote free x the owner's drain and credit refill"
 * ({@link org.slabproof.testkit.cells.RemoteFreeVsRefill}): the owner's slab is full, its credit
 * spent, and b, c, d are pending on the remote stack; another heap frees a, the last live block,
 * while the owner's malloc drains and allocates (counting ahead again under decrement-at-free).
 * The free may see zero, but the SuperSlab is pinned: its release attempt must fail (I5), and the
 * count ends at the live blocks plus the owner's credit (I1). Blocks by index: b0 = a, b3 = d.
 *
 * <p>Targets check-then-release and claim-pinned (the pinned SuperSlab is released under its
 * owner: I5, and the owner's allocation touches released memory: I4), racy-credit-refill (the
 * refill's read-modify-write loses the free's decrement, I1), double-dec and drain-as-credit (the
 * drained blocks taken off the count twice, or handed out as credit: I1).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 04}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_04}
 */
public abstract class Matrix_04_RemoteFreeVsRefill extends CellTest {
    Matrix_04_RemoteFreeVsRefill() {
        super(Cells.REMOTE_FREE_VS_REFILL);
    }

    /** Decrement-at-free: a zero seen while the owner has the SuperSlab pinned releases nothing. */
    @JCStressTest
    @Outcome(id = "zero, got b0, ok",   expect = ACCEPTABLE, desc = "a was pushed before the owner's drain and decremented before its refill: the free saw zero, the pin kept the SuperSlab, the owner took a")
    @Outcome(id = "zero, got b3, ok",   expect = ACCEPTABLE, desc = "the owner drained before a's push (took d) and refilled after a's decrement: the free saw zero, the pin kept the SuperSlab")
    @Outcome(id = "remote, got b0, ok", expect = ACCEPTABLE, desc = "a was pushed before the owner's drain, but decremented after the refill: no zero")
    @Outcome(id = "remote, got b3, ok", expect = ACCEPTABLE, desc = "the owner drained and refilled before a's free: the decrement left the new credit")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the free only pushes; the owner's drain counts it. */
    @JCStressTest
    @Outcome(id = "remote, got b0, ok", expect = ACCEPTABLE, desc = "a was pushed before the owner's drain, which took it back")
    @Outcome(id = "remote, got b3, ok", expect = ACCEPTABLE, desc = "the owner drained before a's push and took d; a stays pending, counted")
    @Outcome(id = ".*\\bI1\\b.*",       expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",       expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",       expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",       expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",       expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",       expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                           expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The drain subtracts again what the remote frees decremented, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleDec extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Release on a zero count without a claim, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class CheckThenRelease extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Reclaim claims pinned SuperSlabs too, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class ClaimPinned extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The credit refill as a read, an add and a write of the count, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class RacyCreditRefill extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The drained blocks become the owner's credit, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DrainAsCredit extends Matrix_04_RemoteFreeVsRefill {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
