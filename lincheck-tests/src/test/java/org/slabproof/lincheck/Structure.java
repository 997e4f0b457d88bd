package org.slabproof.lincheck;

import static org.slabproof.variants.KnownBadVariant.ADOPT_WITHOUT_CLAIM;
import static org.slabproof.variants.KnownBadVariant.CHECK_THEN_RELEASE;
import static org.slabproof.variants.KnownBadVariant.CLAIM_PINNED;
import static org.slabproof.variants.KnownBadVariant.DEC_BEFORE_PUBLISH;
import static org.slabproof.variants.KnownBadVariant.DOUBLE_CREDIT_RETURN;
import static org.slabproof.variants.KnownBadVariant.DOUBLE_DEC;
import static org.slabproof.variants.KnownBadVariant.DOUBLE_ZERO;
import static org.slabproof.variants.KnownBadVariant.DRAIN_AS_CREDIT;
import static org.slabproof.variants.KnownBadVariant.EXIT_LEAVES_PINNED;
import static org.slabproof.variants.KnownBadVariant.LOCAL_FREE_INTO_IDLE;
import static org.slabproof.variants.KnownBadVariant.LOST_CREDIT;
import static org.slabproof.variants.KnownBadVariant.PIN_WITHOUT_CAS;
import static org.slabproof.variants.KnownBadVariant.RACY_CREDIT_REFILL;
import static org.slabproof.variants.KnownBadVariant.RACY_DRAIN;
import static org.slabproof.variants.KnownBadVariant.RACY_PUSH;
import static org.slabproof.variants.KnownBadVariant.REAP_LIVE_OWNER;
import static org.slabproof.variants.KnownBadVariant.RELEASE_WITHOUT_DRAIN;
import static org.slabproof.variants.KnownBadVariant.SEED_MISSING_REMOTE_DEC;
import static org.slabproof.variants.KnownBadVariant.SKIP_RECHECK;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slabproof.Invariant;
import org.slabproof.variants.KnownBadVariant;

/**
 * The structures Lincheck checks, smallest first: their scenario sizes, their pinned shapes, the
 * invariant a wrong result stands for, and the known-bad variants each one must catch (the build
 * asserts every such pair, and that the failure names one of the variant's broken invariants).
 * Budgets are {@link CheckOptions}'s.
 *
 * <p>Which structure catches which variant, and how (measured; every pair is asserted):
 * <ul>
 * <li>remote stack: racy-push, racy-drain (I2: a lost or doubled block).</li>
 * <li>last frees: double-zero (I3: two frees saw the zero), dec-before-publish (I4: the push after
 *     a trim released the SuperSlab), seed-missing-remote-dec (I1).</li>
 * <li>heaps: seed-missing-remote-dec, double-dec, local-free-into-idle, lost-credit,
 *     double-credit-return, racy-credit-refill, drain-as-credit (I1); exit-leaves-pinned,
 *     skip-recheck, release-without-drain, reap-live-owner (I6); check-then-release, claim-pinned (I5: the
 *     SuperSlab of a live owner's current slab released); adopt-without-claim, pin-without-cas
 *     (I4: an allocation from released memory).</li>
 * <li>allocator: seed-missing-remote-dec, double-dec (I1).</li>
 * </ul>
 */
public enum Structure {
    /** {@link RemoteStackScenario}: push x take-all on a real slab's stack; a wrong take count is I2. */
    REMOTE_STACK(RemoteStackScenario.class, RemoteStackScenario.Spec.class, 3, 2, 1, List::of, Invariant.I2,
            EnumSet.of(RACY_PUSH, RACY_DRAIN)),
    /** {@link LastFreesScenario}: the last remote frees of an abandoned SuperSlab; a wrong zero observation is I3. */
    LAST_FREES(LastFreesScenario.class, LastFreesScenario.Spec.class, 2, 2, 1, LastFreesScenario::pinnedScenarios,
            Invariant.I3, EnumSet.of(DOUBLE_ZERO, DEC_BEFORE_PUBLISH, SEED_MISSING_REMOTE_DEC)),
    /** {@link HeapScenario}: real heaps and trimmer of a tiny world; results are slot occupancy only. */
    HEAPS(HeapScenario.class, HeapScenario.Spec.class, 2, 3, 2, HeapScenario::pinnedScenarios, null,
            EnumSet.of(SEED_MISSING_REMOTE_DEC, DOUBLE_DEC, CHECK_THEN_RELEASE, LOCAL_FREE_INTO_IDLE,
                    ADOPT_WITHOUT_CLAIM, REAP_LIVE_OWNER, SKIP_RECHECK, EXIT_LEAVES_PINNED, CLAIM_PINNED,
                    PIN_WITHOUT_CAS, RELEASE_WITHOUT_DRAIN, LOST_CREDIT, DOUBLE_CREDIT_RETURN, RACY_CREDIT_REFILL,
                    DRAIN_AS_CREDIT)),
    /** {@link AllocatorScenario}: the whole allocator with two heaps; results are slot occupancy only. */
    ALLOCATOR(AllocatorScenario.class, AllocatorScenario.Spec.class, 2, 3, 1, AllocatorScenario::pinnedScenarios, null,
            EnumSet.of(SEED_MISSING_REMOTE_DEC, DOUBLE_DEC));

    final Class<?> scenario;
    final Class<?> specification;
    final int threads;
    final int actorsPerThread;
    final int actorsBefore;
    final int actorsAfter = 1;
    final Supplier<List<Pinned.Shape>> pinned;   // checked before the random scenarios
    private final Invariant wrongResult;
    private final Set<KnownBadVariant> targets;

    Structure(Class<?> scenario, Class<?> specification, int threads, int actorsPerThread, int actorsBefore,
            Supplier<List<Pinned.Shape>> pinned, Invariant wrongResult, Set<KnownBadVariant> targets) {
        this.scenario = scenario;
        this.specification = specification;
        this.threads = threads;
        this.actorsPerThread = actorsPerThread;
        this.actorsBefore = actorsBefore;
        this.pinned = pinned;
        this.wrongResult = wrongResult;
        this.targets = targets;
    }

    /**
     * The invariant that results differing from the specification stand for, or null when no
     * allocator bug can make them differ (the results are the structure's own slot bookkeeping):
     * then only the exceptions among the results name invariants.
     */
    public Invariant wrongResult() {
        return wrongResult;
    }

    /** The known-bad variants this structure must catch. */
    public Set<KnownBadVariant> targets() {
        return targets;
    }

    /** Lower-case id for command lines and report names. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The structure with the given id. */
    public static Structure fromId(String id) {
        for (Structure s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown structure '" + id + "'");
    }
}
