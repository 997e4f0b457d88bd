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
 * Cell "remote free x owner exit": a remote thread frees a, the SuperSlab's last live block,
 * while its owner thread exits (the heap's close: drain what is its own, abandon, release at once
 * if empty). This is Larson's situation: blocks whose owner has gone are freed by its successors.
 *
 * <p>Property (I1, I6): the block is still accounted and the SuperSlab still reclaimed. Under
 * decrement-at-free it is released exactly once, by the exiting owner or at the free's zero
 * transition, whichever comes last; under decrement-at-drain the exiting owner releases it if a
 * was already pushed, and otherwise a sits counted on the stack of an abandoned SuperSlab until
 * the trimmer's next sweep (the arbiter) drains and releases it.
 *
 * <p>Catches seed-missing-remote-dec (the count stays 1 with nothing live: never released, the
 * seed's ENOMEM) and dec-before-publish (the free's zero lets the exiting owner release, then the
 * free's push touches released memory, I4).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_08}
 */
public abstract class Matrix_08_RemoteFreeVsOwnerExit extends Cell {
    /** The last live block, held and freed by the remote thread. */
    final long a = f.allocate(0);

    Matrix_08_RemoteFreeVsOwnerExit() {
    }

    /** Decrement-at-free: whoever comes last of the zero transition and the exit releases it, once. */
    @JCStressTest
    @Outcome(id = "zero, kept, released, released once",      expect = ACCEPTABLE, desc = "the count reached zero while the owner still owned or claimed it; the exiting owner released it")
    @Outcome(id = "zero, released, abandoned, released once", expect = ACCEPTABLE, desc = "the owner exited leaving a counted; the free's zero transition released it")
    @Outcome(id = ".*touched-after-release.*",                expect = FORBIDDEN,  desc = "I4: the free touched the SuperSlab after the exiting owner released it (dec-before-publish)")
    @Outcome(id = "freed, .*",                                expect = FORBIDDEN,  desc = "I1: the last live block was freed and the count did not reach zero (seed-missing-remote-dec)")
    @Outcome(id = ".*, 2 releases",                           expect = FORBIDDEN,  desc = "I3: released twice")
    @Outcome(id = ".*, released by the next sweep",           expect = FORBIDDEN,  desc = "I3: the zero transition was observed but no release attempt succeeded")
    @Outcome(                                                 expect = FORBIDDEN,  desc = "I1..I5: any other release count or error token")
    @State
    public static class DecrementAtFree extends Matrix_08_RemoteFreeVsOwnerExit {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = exitOwner(); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = sweepThenCountReleases(); }
    }

    /** Decrement-at-drain: the exiting owner's drain or the trimmer's next sweep empties the count. */
    @JCStressTest
    @Outcome(id = "freed, released, released once",               expect = ACCEPTABLE, desc = "a was pushed before the exiting owner's drain; the owner released the empty SuperSlab")
    @Outcome(id = "freed, abandoned, released by the next sweep", expect = ACCEPTABLE, desc = "the owner exited before a's push; a waited, counted, until the next sweep drained it (I6)")
    @Outcome(id = ".*touched-after-release.*",                    expect = FORBIDDEN,  desc = "I4: the free touched the SuperSlab after its release")
    @Outcome(id = "zero, .*",                                     expect = FORBIDDEN,  desc = "I1: a remote free changed the count, which only a drain may do under this policy")
    @Outcome(                                                     expect = FORBIDDEN,  desc = "I1..I5: any other release count or error token")
    @State
    public static class DecrementAtDrain extends Matrix_08_RemoteFreeVsOwnerExit {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = exitOwner(); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = sweepThenCountReleases(); }
    }

    /** The seed's bug, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_08_RemoteFreeVsOwnerExit {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = exitOwner(); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = sweepThenCountReleases(); }
    }

    /** The free decrements before it publishes, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecBeforePublish extends Matrix_08_RemoteFreeVsOwnerExit {
        @Actor   public void remote(LLL_Result r) { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void owner(LLL_Result r)  { r.r2 = exitOwner(); }
        @Arbiter public void next(LLL_Result r)   { r.r3 = sweepThenCountReleases(); }
    }
}
