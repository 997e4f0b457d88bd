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
 * Cell "adoption x last remote free" ({@link org.slabproof.testkit.cells.AdoptVsLastFree}): an
 * abandoned SuperSlab holds one live block a; a heap's malloc adopts it while another heap frees
 * a. Never released while adopted (I5), never touched after release (I4).
 *
 * <p>Targets adopt-without-claim (the adopter writes OWNED over the zero observer's claim: I5,
 * I4). Not check-then-release, which never claims and so never queues the SuperSlab for an
 * adopter: no sample can race it here (cell 04 catches it).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 09}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_09}
 */
public abstract class Matrix_09_AdoptVsLastFree extends CellTest {
    Matrix_09_AdoptVsLastFree() {
        super(Cells.ADOPT_VS_LAST_FREE);
    }

    /** Decrement-at-free: the claim decides between the adopter and the zero observer. */
    @JCStressTest
    @Outcome(id = "adopted, remote, ok",  expect = ACCEPTABLE, desc = "the adopter owned the SuperSlab and counted ahead before a's free: no zero")
    @Outcome(id = "adopted, zero, ok",    expect = ACCEPTABLE, desc = "a's free made the count zero while the adopter held the claim or the pin: no release, the adopter owns it empty")
    @Outcome(id = "mapped, released, ok", expect = ACCEPTABLE, desc = "a's free made the count zero and released the SuperSlab first; the adopter's claim failed, it mapped one")
    @Outcome(id = ".*\\bI1\\b.*",         expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",         expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",         expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",         expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",         expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",         expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                             expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_09_AdoptVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the free only pushes; the adoption always succeeds. */
    @JCStressTest
    @Outcome(id = "adopted, remote, ok", expect = ACCEPTABLE, desc = "the adopter claimed, drained what was pushed and owns the SuperSlab")
    @Outcome(id = ".*\\bI1\\b.*",        expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",        expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",        expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",        expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",        expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",        expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                            expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_09_AdoptVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Adoption by observing ABANDONED and writing OWNED, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class AdoptWithoutClaim extends Matrix_09_AdoptVsLastFree {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
