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
 * Cell "allocation or adoption x trim of an empty SuperSlab": an abandoned SuperSlab has no live
 * block left (b on its local freelist, a freed remotely after the owner exited; its zero observer
 * has not reclaimed it yet). A heap adopts it, as the allocation slow path does (claim, drain,
 * take ownership), and allocates from it, while the trimmer sweeps it.
 *
 * <p>Property (I5): never released while it can be allocated from. Exactly one of the two wins
 * the claim: either the heap adopts it and allocates a (drained back onto the freelist), and it
 * stays, or the trimmer releases it and the heap's claim fails. Both policies share the table.
 *
 * <p>Catches check-then-release (the trimmer sees count 0 and releases whatever state it reads,
 * including CLAIMED or OWNED by the adopter: the adopter then touches released memory, I4, or
 * owns a released SuperSlab, I5).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_06}
 */
public abstract class Matrix_06_AdoptionVsTrim extends Cell {
    /** The adopting thread's heap (an owner token). */
    final Object heap = new Object();

    Matrix_06_AdoptionVsTrim() {
        long a = f.allocate(0);
        f.freeLocal(f.allocate(0));
        f.abandon();
        f.freeRemote(a);
    }

    /** What the arbiter sees: the adopter's one live block and nothing else, or a released SuperSlab. */
    final String afterwards() {
        return settle(f.ss.owner() == heap ? 1 : 0);
    }

    /** Decrement-at-free; decrement-at-drain must give exactly the same outcomes. */
    @JCStressTest
    @Outcome(id = "adopted, got a, kept, settled",  expect = ACCEPTABLE, desc = "the heap claimed first, drained a and allocated it; the trimmer found it claimed or owned")
    @Outcome(id = "lost claim, released, released", expect = ACCEPTABLE, desc = "the trimmer claimed first and released the empty SuperSlab; the heap's claim failed")
    @Outcome(id = "adopted, .*, released, .*",      expect = FORBIDDEN,  desc = "I5: released after the heap adopted it, without a claim of its own (check-then-release)")
    @Outcome(id = ".*touched-after-release.*",      expect = FORBIDDEN,  desc = "I4: the adopting heap touched the SuperSlab after the trimmer released it (check-then-release)")
    @Outcome(                                       expect = FORBIDDEN,  desc = "I1..I5: any other claim, block, count or error token")
    @State
    public static class DecrementAtFree extends Matrix_06_AdoptionVsTrim {
        @Actor   public void adopter(LLL_Result r) { r.r1 = adoptThenAllocate(heap); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = afterwards(); }
    }

    /** Decrement-at-drain, graded by the same table: the adopter's or trimmer's drain empties the count. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecrementAtDrain extends Matrix_06_AdoptionVsTrim {
        @Actor   public void adopter(LLL_Result r) { r.r1 = adoptThenAllocate(heap); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = afterwards(); }
    }

    /** A release on count == 0 without a claim, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class CheckThenRelease extends Matrix_06_AdoptionVsTrim {
        @Actor   public void adopter(LLL_Result r) { r.r1 = adoptThenAllocate(heap); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = afterwards(); }
    }
}
