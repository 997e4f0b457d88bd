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
 * Cell "remote push x the owner's drain" ({@link org.slabproof.testkit.cells.PushDrain}): the owner's
 * current slab is full (a, b, c, d) with b pending on its remote stack; another heap frees a, then
 * c, while the owner's malloc takes the slow path: drain the stack, allocate. Every freed block
 * ends in exactly one place (I2), and the count agrees (I1). Blocks are named by index: b0 = a,
 * b1 = b, b2 = c.
 *
 * <p>Targets racy-drain (a push between the drain's read and its clear is lost, I2),
 * double-dec (the drain subtracts what the frees already did: the count goes below zero, I1) and
 * drain-as-credit (the drained blocks count as credit though the frees took them off the count:
 * the count is below the live blocks plus credit, I1).
 *
 * <p>Run alone: {@code ci/jcstress-gate --cell 02}, or
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_02}
 */
public abstract class Matrix_02_PushDrain extends CellTest {
    Matrix_02_PushDrain() {
        super(Cells.PUSH_DRAIN);
    }

    /** Decrement-at-free: the drain only moves blocks; the owner takes the top of what it drained. */
    @JCStressTest
    @Outcome(id = "remote, remote, got b0, ok", expect = ACCEPTABLE, desc = "the drain took b and a (c not pushed yet); the owner got a, the top")
    @Outcome(id = "remote, remote, got b1, ok", expect = ACCEPTABLE, desc = "the drain came before both pushes and took only b")
    @Outcome(id = "remote, remote, got b2, ok", expect = ACCEPTABLE, desc = "the drain came after both pushes; the owner got c, the last pushed")
    @Outcome(id = ".*\\bI1\\b.*",               expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",               expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",               expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",               expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",               expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",               expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                                   expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtFree extends Matrix_02_PushDrain {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** Decrement-at-drain: the drain subtracts what it moved; the owner takes the top of it. */
    @JCStressTest
    @Outcome(id = "remote, remote, got b0, ok", expect = ACCEPTABLE, desc = "the drain took b and a (c not pushed yet); the owner got a, the top")
    @Outcome(id = "remote, remote, got b1, ok", expect = ACCEPTABLE, desc = "the drain came before both pushes and took only b")
    @Outcome(id = "remote, remote, got b2, ok", expect = ACCEPTABLE, desc = "the drain came after both pushes; the owner got c, the last pushed")
    @Outcome(id = ".*\\bI1\\b.*",               expect = FORBIDDEN,  desc = "I1: a step or the arbiter's check found the count wrong: below zero, or not the live blocks (plus the owner's credit)")
    @Outcome(id = ".*\\bI2\\b.*",               expect = FORBIDDEN,  desc = "I2: a freed block was lost or is in two places")
    @Outcome(id = ".*\\bI3\\b.*",               expect = FORBIDDEN,  desc = "I3: a zero transition was seen twice, or a SuperSlab released twice")
    @Outcome(id = ".*\\bI4\\b.*",               expect = FORBIDDEN,  desc = "I4: a step touched a released SuperSlab")
    @Outcome(id = ".*\\bI5\\b.*",               expect = FORBIDDEN,  desc = "I5: a SuperSlab was released or claimed while in use, or taken from the heap that has it pinned")
    @Outcome(id = ".*\\bI6\\b.*",               expect = FORBIDDEN,  desc = "I6: an empty SuperSlab was left where nothing will ever release it")
    @Outcome(                                   expect = FORBIDDEN,  desc = "any other outcome: a token or an order of events this cell cannot produce")
    @State
    public static class DecrementAtDrain extends Matrix_02_PushDrain {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The drain subtracts again what the remote frees decremented, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleDec extends Matrix_02_PushDrain {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** A drain by a read and then a clear of the head, not one exchange, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class RacyDrain extends Matrix_02_PushDrain {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }

    /** The drained blocks become the owner's credit, graded by decrement-at-free's table. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DrainAsCredit extends Matrix_02_PushDrain {
        @Actor   public void first(LLL_Result r)   { r.r1 = cell.first(); }
        @Actor   public void second(LLL_Result r)  { r.r2 = cell.second(); }
        @Arbiter public void arbiter(LLL_Result r) { r.r3 = cell.arbiter(); }
    }
}
