package org.slabproof.variants;

import static org.slabproof.Invariant.I1;
import static org.slabproof.Invariant.I2;
import static org.slabproof.Invariant.I3;
import static org.slabproof.Invariant.I4;
import static org.slabproof.Invariant.I5;
import static org.slabproof.Invariant.I6;
import static org.slabproof.variants.Engine.JCSTRESS;
import static org.slabproof.variants.Engine.JUNIT;
import static org.slabproof.variants.Engine.LARSON;
import static org.slabproof.variants.Engine.LINCHECK;
import static org.slabproof.variants.Engine.VMLENS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.Invariant;
import org.slabproof.internal.AllocatorAccess;
import org.slabproof.superslab.FreeProtocol;

/**
 * The catalogue of known-bad variants: what each breaks, which engines must catch it (the
 * mutation gate fails when one of these pairs is missed, or caught without naming one of the
 * invariants in {@link #breaks()}), and which cells of the interleaving matrix target it.
 *
 * <p>The first seven break the protocol steps of the seed's analysis; the next five break steps
 * the heap adds (routing, adoption, reaping, exit, the re-read after a hand-off); the last seven
 * break the steps of pinning and of owner credit, which make the owner's fast path free of atomic
 * steps and let the trimmer reclaim memory while owners live.
 */
public enum KnownBadVariant {
    /** The seed: remote free never decrements, the drain does not either. */
    SEED_MISSING_REMOTE_DEC("seed-missing-remote-dec", SeedMissingRemoteDec::new,
            "remote free never decrements and the drain does not either: the count never reaches 0, nothing is freed",
            EnumSet.of(I1, I6), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, LARSON, VMLENS),
            "last-two-remote-frees", "last-free-vs-trim", "exit-vs-last-free", "reap-vs-late-free"),
    /** Remote free decrements and the drain subtracts again. */
    DOUBLE_DEC("double-dec", DoubleDec::new,
            "remote free decrements and the drain subtracts again: zero while blocks are live, premature release",
            EnumSet.of(I1), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, VMLENS), "push-drain", "remote-free-vs-refill"),
    /** Remote push by a plain read of head then a plain write. */
    RACY_PUSH("racy-push", RacyPush::new,
            "remote push by plain read of head then plain write: concurrent pushes lose blocks",
            EnumSet.of(I2), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "push-push"),
    /** Drain by get() then set(0) instead of an atomic exchange. */
    RACY_DRAIN("racy-drain", RacyDrain::new,
            "drain by get() then set(0) instead of an exchange: pushes between the two are lost",
            EnumSet.of(I2), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "push-drain"),
    /** Remote free decrements first, then pushes. */
    DEC_BEFORE_PUBLISH("dec-before-publish", DecBeforePublish::new,
            "remote free decrements before it pushes: the push can write into a released SuperSlab",
            EnumSet.of(I4), EnumSet.of(JCSTRESS, LINCHECK), "last-free-vs-trim", "exit-vs-last-free"),
    /** Trim releases on count == 0 without claiming the SuperSlab. */
    CHECK_THEN_RELEASE("check-then-release", CheckThenRelease::new,
            "release on count == 0 without claiming: the release races an adoption or the owner's allocation",
            EnumSet.of(I4, I5), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "remote-free-vs-refill"),
    /** Zero detected by a separate read after the decrement. */
    DOUBLE_ZERO("double-zero", DoubleZero::new,
            "zero detected by a separate read after the decrement: two threads both see the zero",
            EnumSet.of(I3), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "last-two-remote-frees"),

    /** The free's routing sends a free into the heap's own IDLE SuperSlab to its local freelist. */
    LOCAL_FREE_INTO_IDLE("local-free-into-idle", LocalFreeIntoIdle::new,
            "a free into the heap's own unpinned SuperSlab goes local: a credit nobody holds, never released",
            EnumSet.of(I1, I6), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, VMLENS), "idle-owner-free-vs-trim"),
    /** Adoption writes OWNED after observing ABANDONED, with no claim. */
    ADOPT_WITHOUT_CLAIM("adopt-without-claim", AdoptWithoutClaim::new,
            "adoption observes ABANDONED and writes OWNED without a claim: a release races it",
            EnumSet.of(I4, I5), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "adopt-vs-last-free"),
    /** The reaper closes heaps whose thread is alive. */
    REAP_LIVE_OWNER("reap-live-owner", ReapLiveOwner::new,
            "the reaper closes heaps of live threads: their SuperSlabs are taken, or kept by a closed heap",
            EnumSet.of(I5, I6), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, VMLENS), "owner-work-vs-trim"),
    /** No re-read of the count after a pin or a claim is given up. */
    SKIP_RECHECK("skip-recheck", SkipRecheck::new,
            "no re-read of the count after giving up a pin or claim: a zero seen meanwhile releases nothing",
            EnumSet.of(I3, I6), EnumSet.of(JCSTRESS, LINCHECK), "exit-idle-vs-last-free"),
    /** A closing heap forgets its pinned SuperSlabs. */
    EXIT_LEAVES_PINNED("exit-leaves-pinned", ExitLeavesPinned::new,
            "a closing heap forgets its pinned SuperSlabs: owned by a dead heap, never reclaimed",
            EnumSet.of(I6), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, LARSON, VMLENS), "exit-vs-last-free",
            "reap-vs-late-free"),

    /** Reclaim claims pinned SuperSlabs too. */
    CLAIM_PINNED("claim-pinned", ClaimPinned::new,
            "reclaim claims a pinned SuperSlab: it is released while its owner allocates from it",
            EnumSet.of(I4, I5), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "remote-free-vs-refill", "pin-vs-reclaim"),
    /** The owner pins back by a read and a write. */
    PIN_WITHOUT_CAS("pin-without-cas", PinWithoutCas::new,
            "the owner pins its idle SuperSlab back without a CAS: it and a claimant both hold it",
            EnumSet.of(I4, I5), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "pin-vs-reclaim"),
    /** Decrement-at-drain's claimant checks the count without draining. */
    RELEASE_WITHOUT_DRAIN("release-without-drain", ReleaseWithoutDrain::new,
            "decrement-at-drain's claimant checks the count without draining: an emptied SuperSlab is never released",
            EnumSet.of(I6), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, VMLENS), "last-free-vs-trim", "reap-vs-late-free"),
    /** The owner drops its credit at a hand-off. */
    LOST_CREDIT("lost-credit", LostCredit::new,
            "the owner's credit is dropped at a hand-off, not returned: the count never reaches zero",
            EnumSet.of(I1, I6), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, LARSON, VMLENS), "exit-vs-last-free",
            "reap-vs-late-free"),
    /** The owner's credit is returned but stays on the slabs. */
    DOUBLE_CREDIT_RETURN("double-credit-return", DoubleCreditReturn::new,
            "the owner's credit is returned but kept, and returned again: the count falls below the live blocks",
            EnumSet.of(I1, I5), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "push-push", "adopt-vs-adopt"),
    /** The credit refill is a plain read-modify-write of the count. */
    RACY_CREDIT_REFILL("racy-credit-refill", RacyCreditRefill::new,
            "the owner's credit refill reads, adds and writes the count: a concurrent remote decrement is lost",
            EnumSet.of(I1), EnumSet.of(JCSTRESS, LINCHECK, VMLENS), "remote-free-vs-refill"),
    /** The drain does not lower the credit limit: the moved blocks become credit. */
    DRAIN_AS_CREDIT("drain-as-credit", DrainAsCredit::new,
            "the drain hands remotely freed blocks to the owner as credit, though their frees already took them"
                    + " off the count: the count falls below the live blocks",
            EnumSet.of(I1), EnumSet.of(JUNIT, JCSTRESS, LINCHECK, LARSON, VMLENS), "push-drain",
            "remote-free-vs-refill");

    private final String id;
    private final Supplier<FreeProtocol> factory;
    private final String defect;
    private final Set<Invariant> breaks;
    private final Set<Engine> expectedEngines;
    private final List<String> cells;

    KnownBadVariant(String id, Supplier<FreeProtocol> factory, String defect, Set<Invariant> breaks,
            Set<Engine> expectedEngines, String... cells) {
        this.id = id;
        this.factory = factory;
        this.defect = defect;
        this.breaks = breaks;
        this.expectedEngines = expectedEngines;
        this.cells = List.of(cells);
    }

    /** Stable id, used on command lines and in reports. */
    public String id() {
        return id;
    }

    /** The invariants it breaks: a catch counts only when the engine names one of these. */
    public Set<Invariant> breaks() {
        return breaks;
    }

    /** One-line description of the defect. */
    public String defect() {
        return defect;
    }

    /** The engines that must catch it. */
    public Set<Engine> expectedEngines() {
        return expectedEngines;
    }

    /** Ids of the interleaving matrix's cells that target it (jcstress and vmlens run these). */
    public List<String> cells() {
        return cells;
    }

    /** A fresh protocol instance with this defect. */
    public FreeProtocol protocol() {
        return factory.get();
    }

    /** An allocator that runs this variant instead of the configuration's policy (tests, gates, Larson). */
    public Allocator newAllocator(AllocatorConfig config) {
        return AllocatorAccess.create(config, protocol());
    }

    /** The variant with the given id. */
    public static KnownBadVariant fromId(String id) {
        for (KnownBadVariant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + id + "'; known: "
                + Arrays.stream(values()).map(KnownBadVariant::id).collect(Collectors.joining(", ")));
    }
}
