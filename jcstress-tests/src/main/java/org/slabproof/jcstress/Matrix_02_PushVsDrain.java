package org.slabproof.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLLL_Result;

/**
 * Cell "remote push x owner drain": a remote thread frees blocks a and c while the owner drains
 * the slab's remote stack, which already holds block b (so the drain really takes something: an
 * exchange on an empty stack proves nothing). Block d stays live. Two pushes rather than one give
 * a racy drain two chances per sample to lose one.
 *
 * <p>Property (I2): nothing lost, nothing doubled. Between the racing drain and the owner's next
 * drain (the arbiter) exactly three blocks come off the stack, and afterwards the count equals
 * the one live block under both policies (I1): decrement-at-free counted the frees at once,
 * decrement-at-drain subtracts what each drain moved. Both policies therefore share one table.
 *
 * <p>Catches racy-drain (a push between the drain's read and its clear is lost) and double-dec
 * (the drain subtracts blocks the frees already subtracted: the count goes below zero).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_02}
 */
public abstract class Matrix_02_PushVsDrain extends Cell {
    /** Freed by the racing remote thread, a first, then c. */
    final long a = f.allocate(0);
    final long c;

    Matrix_02_PushVsDrain() {
        long b = f.allocate(0);                 // freed remotely before the race: on the stack when the drain starts
        c = f.allocate(0);
        f.allocate(0);                          // d: live throughout
        f.freeRemote(b);
    }

    /** The remote thread's two frees. */
    final String freeBoth() {
        return freeRemote(a) + ", " + freeRemote(c);
    }

    /** Decrement-at-free; decrement-at-drain must give exactly the same outcomes. */
    @JCStressTest
    @Outcome(id = "freed, freed, drained 1, drained 2, active 1, settled", expect = ACCEPTABLE, desc = "the drain took b before both pushes; the owner's next drain takes a and c")
    @Outcome(id = "freed, freed, drained 2, drained 1, active 1, settled", expect = ACCEPTABLE, desc = "the drain came between the pushes: it took a and b, the next one takes c")
    @Outcome(id = "freed, freed, drained 3, drained 0, active 1, settled", expect = ACCEPTABLE, desc = "both pushes came first; one drain took all three")
    @Outcome(id = ".*, I2 broken",                                         expect = FORBIDDEN,  desc = "I2: three blocks pushed, fewer drained: a push between the drain's read and its clear was lost (racy-drain)")
    @Outcome(id = ".*count-below-zero.*",                                  expect = FORBIDDEN,  desc = "I1: a drain subtracted blocks the frees had already subtracted (double-dec)")
    @Outcome(id = ".*, I1 broken",                                         expect = FORBIDDEN,  desc = "I1: the count does not match the one live block")
    @Outcome(                                                              expect = FORBIDDEN,  desc = "I1..I5: any other drain count, count or error token")
    @State
    public static class DecrementAtFree extends Matrix_02_PushVsDrain {
        @Actor   public void remote(LLLL_Result r) { r.r1 = freeBoth(); }
        @Actor   public void owner(LLLL_Result r)  { r.r2 = drain(0); }
        @Arbiter public void next(LLLL_Result r)   { r.r3 = drain(0); r.r4 = activeThenSettle(1); }
    }

    /** Decrement-at-drain, graded by the same table: the count after the drains is the same. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecrementAtDrain extends Matrix_02_PushVsDrain {
        @Actor   public void remote(LLLL_Result r) { r.r1 = freeBoth(); }
        @Actor   public void owner(LLLL_Result r)  { r.r2 = drain(0); }
        @Arbiter public void next(LLLL_Result r)   { r.r3 = drain(0); r.r4 = activeThenSettle(1); }
    }

    /** The remote free decrements and the drain subtracts again, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleDec extends Matrix_02_PushVsDrain {
        @Actor   public void remote(LLLL_Result r) { r.r1 = freeBoth(); }
        @Actor   public void owner(LLLL_Result r)  { r.r2 = drain(0); }
        @Arbiter public void next(LLLL_Result r)   { r.r3 = drain(0); r.r4 = activeThenSettle(1); }
    }

    /** A drain by read-then-clear instead of an exchange, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class RacyDrain extends Matrix_02_PushVsDrain {
        @Actor   public void remote(LLLL_Result r) { r.r1 = freeBoth(); }
        @Actor   public void owner(LLLL_Result r)  { r.r2 = drain(0); }
        @Arbiter public void next(LLLL_Result r)   { r.r3 = drain(0); r.r4 = activeThenSettle(1); }
    }
}
