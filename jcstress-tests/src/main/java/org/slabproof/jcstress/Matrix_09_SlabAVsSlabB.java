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
 * Cell "remote free into slab A x remote free into slab B of one SuperSlab": two threads free the
 * SuperSlab's last two live blocks, a in slab 0 and e in slab 1, remotely and at once. The slabs'
 * stacks are independent; the SuperSlab count is the one thing they share.
 *
 * <p>Property (I1): the SuperSlab-wide count is exact: 0 under decrement-at-free, with exactly
 * one free seeing the zero (I3); 2 under decrement-at-drain until the owner drains both slabs
 * (then 0).
 *
 * <p>Catches seed-missing-remote-dec (the count stays 2) and double-zero (both frees see zero).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_09}
 */
public abstract class Matrix_09_SlabAVsSlabB extends Cell {
    /** Slab 0's live block (a) and slab 1's (e), each held by one remote thread. */
    final long a = f.allocate(0);
    final long e = f.allocate(1);

    Matrix_09_SlabAVsSlabB() {
    }

    /** Decrement-at-free: one of the two frees makes the shared count zero. */
    @JCStressTest
    @Outcome(id = "zero, freed, active 0, settled", expect = ACCEPTABLE, desc = "e's free came first; a's decrement made the count zero")
    @Outcome(id = "freed, zero, active 0, settled", expect = ACCEPTABLE, desc = "a's free came first; e's decrement made the count zero")
    @Outcome(id = "zero, zero, .*",                 expect = FORBIDDEN,  desc = "I3: both frees saw the zero transition (double-zero)")
    @Outcome(id = "freed, freed, .*",               expect = FORBIDDEN,  desc = "I1: the last two blocks were freed and the count never reached zero (seed-missing-remote-dec)")
    @Outcome(                                       expect = FORBIDDEN,  desc = "I1..I5: any other count or error token")
    @State
    public static class DecrementAtFree extends Matrix_09_SlabAVsSlabB {
        @Actor   public void remoteA(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLL_Result r) { r.r2 = freeRemote(e); }
        @Arbiter public void owner(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }

    /** Decrement-at-drain: both blocks stay counted until the owner drains both slabs. */
    @JCStressTest
    @Outcome(id = "freed, freed, active 2, settled", expect = ACCEPTABLE, desc = "both blocks pending on their slabs' stacks and counted; the owner's drains subtract them")
    @Outcome(id = "zero, .*|freed, zero, .*",        expect = FORBIDDEN,  desc = "I1: a remote free changed the count, which only a drain may do under this policy")
    @Outcome(                                        expect = FORBIDDEN,  desc = "I1..I5: any other count or error token")
    @State
    public static class DecrementAtDrain extends Matrix_09_SlabAVsSlabB {
        @Actor   public void remoteA(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLL_Result r) { r.r2 = freeRemote(e); }
        @Arbiter public void owner(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }

    /** The seed's bug, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_09_SlabAVsSlabB {
        @Actor   public void remoteA(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLL_Result r) { r.r2 = freeRemote(e); }
        @Arbiter public void owner(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }

    /** Zero detected by a second read after the decrement, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleZero extends Matrix_09_SlabAVsSlabB {
        @Actor   public void remoteA(LLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLL_Result r) { r.r2 = freeRemote(e); }
        @Arbiter public void owner(LLL_Result r)   { r.r3 = activeThenSettle(0); }
    }
}
