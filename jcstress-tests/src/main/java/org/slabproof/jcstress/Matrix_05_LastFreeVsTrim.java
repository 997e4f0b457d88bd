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
 * Cell "last remote free x trim/release": the owner has exited (the SuperSlab is abandoned, b is
 * pending on a remote stack) and a remote thread frees a, the last live block, while the trimmer
 * sweeps the SuperSlab. The freeing thread does what the heap does: if its free made the count
 * zero, it tries to release the SuperSlab.
 *
 * <p>Property: released exactly once (I3) and never touched after the release (I4), observed
 * without crashing: a touch after release hits a closed arena and is reported as
 * {@code touched-after-release}. Under decrement-at-free the release happens at the zero
 * transition or by the trimmer holding the claim, never later; under decrement-at-drain only a
 * drain empties the count, so the trimmer releases it if a was already pushed, and otherwise its
 * next sweep (the arbiter) does (I6).
 *
 * <p>Catches dec-before-publish (the free decrements, the trimmer releases, the free's push then
 * touches released memory) and seed-missing-remote-dec (the count never reaches zero: never
 * released, the seed's leak).
 *
 * <p>Run: {@code ci/jcstress-gate}, or alone:
 * {@code java -jar jcstress-tests/target/jcstress.jar -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -t Matrix_05}
 */
public abstract class Matrix_05_LastFreeVsTrim extends Cell {
    /** The last live block, held and freed by the remote thread. */
    final long a = f.allocate(0);

    Matrix_05_LastFreeVsTrim() {
        f.freeRemote(f.allocate(0));
        f.abandon();
    }

    /** Decrement-at-free: the zero observer or the claim holder releases, exactly once, at once. */
    @JCStressTest
    @Outcome(id = "zero, released, kept, released once", expect = ACCEPTABLE, desc = "the zero observer claimed and released it; the trimmer found it in use, claimed or gone")
    @Outcome(id = "zero, kept, released, released once", expect = ACCEPTABLE, desc = "the trimmer held the claim when the count reached zero and released it; the zero observer's claim failed")
    @Outcome(id = ".*touched-after-release.*",           expect = FORBIDDEN,  desc = "I4: the free touched the SuperSlab after its release (dec-before-publish)")
    @Outcome(id = "freed, .*",                           expect = FORBIDDEN,  desc = "I1: the last live block was freed and the count did not reach zero (seed-missing-remote-dec)")
    @Outcome(id = ".*, 2 releases",                      expect = FORBIDDEN,  desc = "I3: released twice")
    @Outcome(id = ".*, released by the next sweep",      expect = FORBIDDEN,  desc = "I3: the zero transition was observed but no release attempt succeeded")
    @Outcome(                                            expect = FORBIDDEN,  desc = "I1..I5: any other release count or error token")
    @State
    public static class DecrementAtFree extends Matrix_05_LastFreeVsTrim {
        @Actor   public void remote(LLL_Result r)  { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = sweepThenCountReleases(); }
    }

    /** Decrement-at-drain: the trimmer's drain, or its next sweep's, is the zero transition. */
    @JCStressTest
    @Outcome(id = "freed, released, released once",          expect = ACCEPTABLE, desc = "a was pushed before the trimmer's drain, which emptied the count; the trimmer released it")
    @Outcome(id = "freed, kept, released by the next sweep", expect = ACCEPTABLE, desc = "the trimmer drained before a's push; a waited, counted, until the next sweep drained it (I6)")
    @Outcome(id = ".*touched-after-release.*",               expect = FORBIDDEN,  desc = "I4: the free touched the SuperSlab after its release")
    @Outcome(id = "zero, .*",                                expect = FORBIDDEN,  desc = "I1: a remote free changed the count, which only a drain may do under this policy")
    @Outcome(                                                expect = FORBIDDEN,  desc = "I1..I5: any other release count or error token")
    @State
    public static class DecrementAtDrain extends Matrix_05_LastFreeVsTrim {
        @Actor   public void remote(LLL_Result r)  { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = sweepThenCountReleases(); }
    }

    /** The seed's bug, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class SeedMissingRemoteDec extends Matrix_05_LastFreeVsTrim {
        @Actor   public void remote(LLL_Result r)  { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = sweepThenCountReleases(); }
    }

    /** The free decrements before it publishes, graded as decrement-at-free. */
    @JCStressTest
    @JCStressMeta(DecrementAtFree.class)
    @State
    public static class DecBeforePublish extends Matrix_05_LastFreeVsTrim {
        @Actor   public void remote(LLL_Result r)  { r.r1 = freeRemoteThenReclaim(a); }
        @Actor   public void trimmer(LLL_Result r) { r.r2 = reclaim(); }
        @Arbiter public void next(LLL_Result r)    { r.r3 = sweepThenCountReleases(); }
    }
}
