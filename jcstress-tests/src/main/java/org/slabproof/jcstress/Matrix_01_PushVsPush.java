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
 * Cell "remote push x remote push (same slab)": two threads free the last two live blocks of one
 * slab remotely, at the same time.
 *
 * <p>Property: both blocks end up on the slab's remote stack, the remote count is 2 (I2), and the
 * SuperSlab count is what the policy says: 0 under decrement-at-free, with exactly one of the two
 * frees seeing the zero (I1, I3); 2 under decrement-at-drain, where remote frees never touch it,
 * until the owner drains (then 0). The arbiter is the owner's next look: it walks the stack, then
 * drains and checks the I1/I2 equations.
 *
 * <p>Catches racy-push (one push lost), seed-missing-remote-dec (the count stays 2) and
 * double-zero (both frees see zero).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_01}
 */
public abstract class Matrix_01_PushVsPush extends Cell {
    /** Two live blocks of slab 0, each held by one of the remote threads. */
    final long a = f.allocate(0);
    final long b = f.allocate(0);

    Matrix_01_PushVsPush() {
    }

    /** Decrement-at-free: one free makes the count zero, the stack holds both blocks. */
    @JCStressTest
    @Outcome(id = "zero, freed, stack 2 count 2, active 0, settled", expect = ACCEPTABLE, desc = "b's free came first; a's decrement made the count zero")
    @Outcome(id = "freed, zero, stack 2 count 2, active 0, settled", expect = ACCEPTABLE, desc = "a's free came first; b's decrement made the count zero")
    @Outcome(id = ".*, stack 1 count 2, .*",                         expect = FORBIDDEN,  desc = "I2: two pushes, one block on the stack: a push was lost (racy-push)")
    @Outcome(id = "zero, zero, .*",                                  expect = FORBIDDEN,  desc = "I3: both frees saw the zero transition (double-zero)")
    @Outcome(id = "freed, freed, .*",                                expect = FORBIDDEN,  desc = "I1: the last two blocks were freed and the count never reached zero (seed-missing-remote-dec)")
    @Outcome(                                                        expect = FORBIDDEN,  desc = "I1..I5: any other count, stack or error token")
    @State
    public static class DecrementAtFree extends Matrix_01_PushVsPush {
        @Actor   public void remoteA(LLLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLLL_Result r) { r.r2 = freeRemote(b); }
        @Arbiter public void owner(LLLL_Result r)   { r.r3 = stack(0); r.r4 = activeThenSettle(0); }
    }

    /** Decrement-at-drain: remote frees leave the count at 2, the owner's drain brings it to 0. */
    @JCStressTest
    @Outcome(id = "freed, freed, stack 2 count 2, active 2, settled", expect = ACCEPTABLE, desc = "both blocks pending on the stack and still counted; the owner's drain subtracts them")
    @Outcome(id = ".*, stack 1 count 2, .*",                          expect = FORBIDDEN,  desc = "I2: two pushes, one block on the stack: a push was lost")
    @Outcome(id = "zero, .*|freed, zero, .*",                         expect = FORBIDDEN,  desc = "I1: a remote free changed the count, which only the drain may do under this policy")
    @Outcome(                                                         expect = FORBIDDEN,  desc = "I1..I5: any other count, stack or error token")
    @State
    public static class DecrementAtDrain extends Matrix_01_PushVsPush {
        @Actor   public void remoteA(LLLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLLL_Result r) { r.r2 = freeRemote(b); }
        @Arbiter public void owner(LLLL_Result r)   { r.r3 = stack(0); r.r4 = activeThenSettle(0); }
    }

    /** The seed's bug, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_01_PushVsPush {
        @Actor   public void remoteA(LLLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLLL_Result r) { r.r2 = freeRemote(b); }
        @Arbiter public void owner(LLLL_Result r)   { r.r3 = stack(0); r.r4 = activeThenSettle(0); }
    }

    /** A push by plain read and plain write of the head, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class RacyPush extends Matrix_01_PushVsPush {
        @Actor   public void remoteA(LLLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLLL_Result r) { r.r2 = freeRemote(b); }
        @Arbiter public void owner(LLLL_Result r)   { r.r3 = stack(0); r.r4 = activeThenSettle(0); }
    }

    /** Zero detected by a second read after the decrement, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleZero extends Matrix_01_PushVsPush {
        @Actor   public void remoteA(LLLL_Result r) { r.r1 = freeRemote(a); }
        @Actor   public void remoteB(LLLL_Result r) { r.r2 = freeRemote(b); }
        @Arbiter public void owner(LLLL_Result r)   { r.r3 = stack(0); r.r4 = activeThenSettle(0); }
    }
}
