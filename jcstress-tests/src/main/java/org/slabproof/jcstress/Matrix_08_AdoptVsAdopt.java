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
 * Cell "adoption x adoption" ({@link org.slabproof.testkit.cells.AdoptVsAdopt}): an abandoned
 * SuperSlab holds one live block and one freed one; two heaps with nothing of their own malloc at
 * once. Exactly one adopts it (I5: one owner at a time), the other maps a SuperSlab of its own;
 * the freed block is drained once (I2) and the count agrees (I1).
 *
 * <p>Targets double-credit-return: the exited owner's credit stays on the slabs, and the adopter
 * spends it as its own (I1).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 08}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_08}
 */
public abstract class Matrix_08_AdoptVsAdopt extends CellTest {
    Matrix_08_AdoptVsAdopt() {
        super(Cells.ADOPT_VS_ADOPT);
    }

    /** Decrement-at-free: one claim wins. */
    @JCStressTest
    @Outcome(id = "adopted, mapped, ok", expect = ACCEPTABLE, desc = "the first heap adopted the SuperSlab; the second found nothing to adopt and mapped one")
    @Outcome(id = "mapped, adopted, ok", expect = ACCEPTABLE, desc = "the second heap adopted the SuperSlab; the first found nothing to adopt and mapped one")
    @Outcome(id = ".*\\bI1\\b.*",        expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",        expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",        expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",        expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",        expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",        expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                            expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_08_AdoptVsAdopt {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: one claim wins. */
    @JCStressTest
    @Outcome(id = "adopted, mapped, ok", expect = ACCEPTABLE, desc = "the first heap adopted the SuperSlab; the second found nothing to adopt and mapped one")
    @Outcome(id = "mapped, adopted, ok", expect = ACCEPTABLE, desc = "the second heap adopted the SuperSlab; the first found nothing to adopt and mapped one")
    @Outcome(id = ".*\\bI1\\b.*",        expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",        expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",        expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",        expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",        expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",        expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                            expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_08_AdoptVsAdopt {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The owner's credit returned but kept on the slabs, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleCreditReturn extends Matrix_08_AdoptVsAdopt {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
