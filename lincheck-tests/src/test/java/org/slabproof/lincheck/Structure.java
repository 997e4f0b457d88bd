package org.slabproof.lincheck;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

import org.slabproof.variants.KnownBadVariant;

/**
 * The three structures Lincheck checks, smallest first, with their pinned scenario sizes, their
 * budgets and the known-bad variants each one must catch (the build asserts every such pair).
 *
 * <p>Budgets are per strategy: {@code iterations} scenarios of at most {@code invocations} runs
 * each. They are sized by measurement so that the module stays under three minutes on two cores:
 * a release closes a shared FFM arena, a handshake with every thread that costs about 0.4 ms per
 * busy thread, and Lincheck's threads spin; so the scenarios that release pay milliseconds per
 * invocation.
 */
public enum Structure {
    /** {@link RemoteStackScenario}: push x take-all. */
    REMOTE_STACK(RemoteStackScenario.class, RemoteStackScenario.Spec.class, 3, 2,
            new Budget(8, 120, 8, 600), List::of,
            EnumSet.of(KnownBadVariant.RACY_PUSH, KnownBadVariant.RACY_DRAIN)),
    /** {@link CounterReleaseScenario}: decrement to zero, then claim and release. */
    COUNTER_AND_RELEASE(CounterReleaseScenario.class, CounterReleaseScenario.Spec.class, 2, 3,
            new Budget(24, 40, 6, 150), List::of,
            EnumSet.of(KnownBadVariant.SEED_MISSING_REMOTE_DEC, KnownBadVariant.DOUBLE_DEC,
                    KnownBadVariant.DEC_BEFORE_PUBLISH, KnownBadVariant.CHECK_THEN_RELEASE, KnownBadVariant.DOUBLE_ZERO)),
    /** {@link AllocatorScenario}: the whole allocator with two heaps. */
    ALLOCATOR(AllocatorScenario.class, AllocatorScenario.Spec.class, 2, 3,
            new Budget(3, 8, 5, 150), AllocatorScenario::pinnedScenarios,
            EnumSet.of(KnownBadVariant.SEED_MISSING_REMOTE_DEC, KnownBadVariant.DOUBLE_DEC));

    /**
     * Effort per strategy at thoroughness 1.
     *
     * @param modelCheckingIterations  scenarios explored by model checking
     * @param modelCheckingInvocations interleavings tried per scenario (at most)
     * @param stressIterations         scenarios run by the stress strategy
     * @param stressInvocations        runs per scenario
     */
    record Budget(int modelCheckingIterations, int modelCheckingInvocations, int stressIterations,
            int stressInvocations) {
    }

    final Class<?> scenario;
    final Class<?> specification;
    final int threads;
    final int actorsPerThread;
    final int actorsBefore = 1;
    final int actorsAfter = 1;
    final Budget budget;
    final Supplier<List<ExecutionScenario>> pinned;   // checked before the random scenarios
    private final Set<KnownBadVariant> targets;

    Structure(Class<?> scenario, Class<?> specification, int threads, int actorsPerThread, Budget budget,
            Supplier<List<ExecutionScenario>> pinned, Set<KnownBadVariant> targets) {
        this.scenario = scenario;
        this.specification = specification;
        this.threads = threads;
        this.actorsPerThread = actorsPerThread;
        this.budget = budget;
        this.pinned = pinned;
        this.targets = targets;
    }

    /** The known-bad variants this structure must catch. */
    public Set<KnownBadVariant> targets() {
        return targets;
    }

    /** Lower-case id for command lines and report names. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
