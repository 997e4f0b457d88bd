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
 * Cell "adoption x adoption of an abandoned slab": the owner has exited leaving b and c live (held
 * by other threads) and a freed remotely after its exit, pending on the stack. Two heaps try to
 * adopt the SuperSlab at once, as their allocation slow paths do, and allocate from it.
 *
 * <p>Property (I2, I6): exactly one adopter wins, drains the stack (a comes back and is the block
 * it allocates), and owns the SuperSlab; the other's claim fails. Afterwards the count equals the
 * three live blocks (b, c and the winner's a) under both policies, so they share the table.
 *
 * <p>Catches double-dec (the winner's drain subtracts a a second time: the count ends one short,
 * I1).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_07}
 */
public abstract class Matrix_07_AdoptionVsAdoption extends Cell {
    /** The two adopting threads' heaps (owner tokens). */
    final Object heap1 = new Object();
    final Object heap2 = new Object();

    Matrix_07_AdoptionVsAdoption() {
        long a = f.allocate(0);
        f.allocate(0);
        f.allocate(0);
        f.abandon();
        f.freeRemote(a);
    }

    /** Who owns the SuperSlab now, and whether its accounting holds with b, c and the winner's block live. */
    final String afterwards() {
        Object owner = f.ss.owner();
        return (owner == heap1 ? "owner 1" : owner == heap2 ? "owner 2" : "no owner") + ", " + settle(3);
    }

    /** Decrement-at-free; decrement-at-drain must give exactly the same outcomes. */
    @JCStressTest
    @Outcome(id = "adopted, got a, lost claim, owner 1, settled", expect = ACCEPTABLE, desc = "heap 1 won the claim, drained a back and allocated it; heap 2's claim failed")
    @Outcome(id = "lost claim, adopted, got a, owner 2, settled", expect = ACCEPTABLE, desc = "heap 2 won the claim, drained a back and allocated it; heap 1's claim failed")
    @Outcome(id = "adopted, .*, adopted, .*",                     expect = FORBIDDEN,  desc = "I2: two adopters: two owners would allocate from the same slabs")
    @Outcome(id = "lost claim, lost claim, .*",                   expect = FORBIDDEN,  desc = "I6: nobody adopted an abandoned SuperSlab")
    @Outcome(id = ".*, I1 broken",                                expect = FORBIDDEN,  desc = "I1: the count does not match the three live blocks (double-dec subtracts a twice)")
    @Outcome(                                                     expect = FORBIDDEN,  desc = "I1..I5: any other claim, block, count or error token")
    @State
    public static class DecrementAtFree extends Matrix_07_AdoptionVsAdoption {
        @Actor   public void adopter1(LLL_Result r) { r.r1 = adoptThenAllocate(heap1); }
        @Actor   public void adopter2(LLL_Result r) { r.r2 = adoptThenAllocate(heap2); }
        @Arbiter public void next(LLL_Result r)     { r.r3 = afterwards(); }
    }

    /** Decrement-at-drain, graded by the same table: the winner's drain subtracts a. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecrementAtDrain extends Matrix_07_AdoptionVsAdoption {
        @Actor   public void adopter1(LLL_Result r) { r.r1 = adoptThenAllocate(heap1); }
        @Actor   public void adopter2(LLL_Result r) { r.r2 = adoptThenAllocate(heap2); }
        @Arbiter public void next(LLL_Result r)     { r.r3 = afterwards(); }
    }

    /** The remote free decrements and the drain subtracts again, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DoubleDec extends Matrix_07_AdoptionVsAdoption {
        @Actor   public void adopter1(LLL_Result r) { r.r1 = adoptThenAllocate(heap1); }
        @Actor   public void adopter2(LLL_Result r) { r.r2 = adoptThenAllocate(heap2); }
        @Arbiter public void next(LLL_Result r)     { r.r3 = afterwards(); }
    }
}
