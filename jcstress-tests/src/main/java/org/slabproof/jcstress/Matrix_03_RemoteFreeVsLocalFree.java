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

/**
 * Cell "remote free x local free of the last two live blocks": a remote thread frees block a
 * while the owner frees block b, the only other live block of the SuperSlab.
 *
 * <p>Property: exactly one zero transition (I3) and the count ends at 0 (I1). Under
 * decrement-at-free one of the two frees sees the zero; under decrement-at-drain the local free
 * leaves a still counted on the stack, so neither free sees it and the owner's next drain (the
 * arbiter) makes the count zero.
 *
 * <p>Catches double-zero (both frees read zero after both decrements).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_03}
 */
public abstract class Matrix_03_RemoteFreeVsLocalFree extends Cell {
    /** Held and freed by the remote thread. */
    final long a = f.allocate(0);
    /** Held and freed by the owner. */
    final long b = f.allocate(0);

    Matrix_03_RemoteFreeVsLocalFree() {
    }

    /** Decrement-at-free: whichever decrement comes second sees the zero, and only it. */
    @JCStressTest
    @Outcome(id = "zero, freed, active 0, settled", expect = ACCEPTABLE, desc = "the owner's free came first; the remote decrement made the count zero")
    @Outcome(id = "freed, zero, active 0, settled", expect = ACCEPTABLE, desc = "the remote free came first; the owner's decrement made the count zero")
    @Outcome(id = "zero, zero, .*",                 expect = FORBIDDEN,  desc = "I3: both frees saw the zero transition: two release attempts (double-zero)")
    @Outcome(id = "freed, freed, .*",               expect = FORBIDDEN,  desc = "I1, I3: the last two blocks were freed and no free saw the count reach zero")
    @Outcome(                                       expect = FORBIDDEN,  desc = "I1..I5: any other count or error token")
    @State
    public static class DecrementAtFree extends Matrix_03_RemoteFreeVsLocalFree {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = freeLocal(b); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }

    /** Decrement-at-drain: a stays counted until the owner's drain, which is the zero transition. */
    @JCStressTest
    @Outcome(id = "freed, freed, active 1, settled", expect = ACCEPTABLE, desc = "the local free subtracted b; a is pending and counted until the owner's drain subtracts it")
    @Outcome(id = "zero, .*|freed, zero, .*",        expect = FORBIDDEN,  desc = "I1, I3: a free saw zero while a was still pending and counted")
    @Outcome(                                        expect = FORBIDDEN,  desc = "I1..I5: any other count or error token")
    @State
    public static class DecrementAtDrain extends Matrix_03_RemoteFreeVsLocalFree {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = freeLocal(b); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }

    /** Zero detected by a second read after the decrement, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleZero extends Matrix_03_RemoteFreeVsLocalFree {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = freeLocal(b); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }
}
