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
 * Cell "remote free x owner allocation from the same slab": slab 0 is fully carved, b, c and d
 * were freed remotely earlier (its local freelist is empty, its stack holds d, c, b), and a, the
 * last live block of the SuperSlab, is freed remotely while the owner allocates from slab 0. The
 * owner takes the heap's slow path: no local block, so drain, then pop.
 *
 * <p>Property: counts consistent and no block handed out twice (I1, I2); the owner gets d (its
 * drain came before a's push) or a (after), and the count ends at the one block it holds. Under
 * decrement-at-free the remote free may make the count zero and, as the heap does, try to release
 * the SuperSlab; it must not get it, because the owner can still allocate from it (I5: only a
 * claimed SuperSlab is released, and an owned one cannot be claimed).
 *
 * <p>Catches check-then-release (the zero observer releases the owned SuperSlab without a claim;
 * the owner's drain or pop then touches released memory, I4, or the SuperSlab is gone while a
 * block of it is live, I5) and racy-drain (a's push lands between the drain's read and its clear
 * and is lost, I2).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_04}
 */
public abstract class Matrix_04_RemoteFreeVsAllocation extends Cell {
    /** The last live block, held and freed by the remote thread. */
    final long a = f.allocate(0);

    Matrix_04_RemoteFreeVsAllocation() {
        long b = f.allocate(0);
        long c = f.allocate(0);
        long d = f.allocate(0);
        f.freeRemote(b);
        f.freeRemote(c);
        f.freeRemote(d);
    }

    /** Decrement-at-free: the remote free may see zero, but its release attempt must fail. */
    @JCStressTest
    @Outcome(id = "zero, kept, got a, settled", expect = ACCEPTABLE, desc = "a's free completed first (count 1 -> 0, the owned SuperSlab not claimable); the drain brought a back")
    @Outcome(id = "zero, kept, got d, settled", expect = ACCEPTABLE, desc = "the drain came before a's push, a's decrement before the owner's increment")
    @Outcome(id = "freed, got a, settled",      expect = ACCEPTABLE, desc = "a's push came before the drain, its decrement after the owner's increment")
    @Outcome(id = "freed, got d, settled",      expect = ACCEPTABLE, desc = "the owner drained and allocated first; a's free found the count at 2")
    @Outcome(id = "zero, released, .*",         expect = FORBIDDEN,  desc = "I5: the owned SuperSlab was released under its allocating owner (check-then-release)")
    @Outcome(id = ".*touched-after-release.*",  expect = FORBIDDEN,  desc = "I4: the owner's drain or pop touched the SuperSlab after its release")
    @Outcome(id = ".*, released",               expect = FORBIDDEN,  desc = "I5: the SuperSlab was released although the owner holds a live block of it")
    @Outcome(id = ".*, I2 broken",              expect = FORBIDDEN,  desc = "I2: a freed block is on no list: a's push was lost between the drain's read and its clear (racy-drain)")
    @Outcome(                                   expect = FORBIDDEN,  desc = "I1..I5: any other block, count or error token")
    @State
    public static class DecrementAtFree extends Matrix_04_RemoteFreeVsAllocation {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = drainThenAllocate(0); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = settle(1); }
    }

    /** Decrement-at-drain: the remote free never sees zero; the drains subtract what they move. */
    @JCStressTest
    @Outcome(id = "freed, got a, settled", expect = ACCEPTABLE, desc = "a's push came before the owner's drain, which moved and subtracted all four")
    @Outcome(id = "freed, got d, settled", expect = ACCEPTABLE, desc = "the drain came first; a stayed pending and counted until the next drain")
    @Outcome(id = "zero, .*",              expect = FORBIDDEN,  desc = "I1: a remote free changed the count, which only a drain may do under this policy")
    @Outcome(                              expect = FORBIDDEN,  desc = "I1..I5: any other block, count or error token")
    @State
    public static class DecrementAtDrain extends Matrix_04_RemoteFreeVsAllocation {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = drainThenAllocate(0); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = settle(1); }
    }

    /** A release on count == 0 without a claim, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class CheckThenRelease extends Matrix_04_RemoteFreeVsAllocation {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = drainThenAllocate(0); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = settle(1); }
    }

    /** A drain by read-then-clear instead of an exchange, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class RacyDrain extends Matrix_04_RemoteFreeVsAllocation {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = drainThenAllocate(0); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = settle(1); }
    }
}
