package org.slabproof.lincheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.slabproof.testkit.QuiescentChecker;

/**
 * The one place where Lincheck's effort is chosen: every structure's budget in both strategies and
 * the model checker's settings, so that the suites and the gate run with the same, pinned effort.
 *
 * <p>Lincheck's defaults (100 scenarios of 10,000 invocations) take minutes per class on these
 * machines. The budgets below are sized by measurement: the module's tests take about a minute on
 * two cores, and every pinned shape ({@link Structure}) gets enough interleavings to reach the
 * windows its races need (the narrowest measured: a credit refill's read and write, one step apart
 * in a forty-step slow path, first reached after 42 to 44 interleavings; the heap budget is 80).
 * Lincheck's model checker explores deterministically (a fixed random seed), so a catch that holds
 * once holds on every run of the same code. Random scenarios come on top. The system property
 * {@value #THOROUGHNESS} (default 1; the {@code lincheck-thorough} profile sets 10) multiplies the
 * number of random scenarios; their sizes stay pinned, so a thorough run finds what a longer search
 * finds, not what bigger scenarios would.
 */
public final class CheckOptions {
    /** System property: multiplier of random scenarios per run. */
    public static final String THOROUGHNESS = "lincheck.thoroughness";

    /**
     * Model checking's loop bounds (Lincheck's {@code loopBound} and
     * {@code loopIterationsBeforeThreadSwitch}), far above its defaults of 50 and 10. A heap's
     * construction loops over its 24 size classes; with the defaults, every scenario whose initial
     * part opened a heap (an exit's successor) was explored in one single interleaving and passed
     * without a search (measured: 1 invocation instead of the budget). The allocator has no spin
     * loop, and its own loops are bounded by the tiny geometry.
     */
    static final int LOOP_BOUND = 1000;

    private CheckOptions() {
    }

    /** The two strategies. */
    public enum Mode {
        /** Systematic exploration of interleavings; prints the failing one with source lines. */
        MODEL_CHECKING,
        /** Real threads on real cores; no trace, but no sequential-consistency assumption either. */
        STRESS;

        /** Lower-case id for command lines and report names. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The mode with the given id. */
        public static Mode fromId(String id) {
            for (Mode m : values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + id + "'");
        }
    }

    /**
     * Effort per strategy at thoroughness 1: random scenarios, and runs per scenario (in model
     * checking, interleavings explored at most). Pinned scenarios come on top, each with the same
     * runs per scenario.
     *
     * @param modelCheckingScenarios   random scenarios explored by model checking
     * @param modelCheckingInvocations interleavings tried per scenario (at most)
     * @param stressScenarios          random scenarios run by the stress strategy
     * @param stressInvocations        runs per scenario
     */
    public record Budget(int modelCheckingScenarios, int modelCheckingInvocations, int stressScenarios,
            int stressInvocations) {
    }

    /** The budget of {@code structure}. */
    public static Budget budget(Structure structure) {
        return switch (structure) {
            case REMOTE_STACK -> new Budget(6, 80, 4, 200);
            case LAST_FREES -> new Budget(2, 50, 2, 100);
            case HEAPS -> new Budget(2, 300, 2, 30);
            case ALLOCATOR -> new Budget(2, 40, 2, 60);
        };
    }

    /**
     * Options for {@code mode} with the sizes of {@code structure}, its budget and the current
     * thoroughness; the pinned shapes that reproduce {@code protocolId} first.
     */
    public static Options<?, ?> of(Mode mode, Structure structure, String protocolId) {
        int factor = thoroughness();
        Budget budget = budget(structure);
        Options<?, ?> options = switch (mode) {
            case MODEL_CHECKING -> modelChecking(structure)
                    .iterations(budget.modelCheckingScenarios() * factor)
                    .invocationsPerIteration(budget.modelCheckingInvocations());
            case STRESS -> new StressOptions()
                    .iterations(budget.stressScenarios() * factor)
                    .invocationsPerIteration(budget.stressInvocations());
        };
        options.minimizeFailedScenario(false)           // the pinned shapes are small already; saves re-runs
                .threads(structure.threads)
                .actorsPerThread(structure.actorsPerThread)
                .actorsBefore(structure.actorsBefore)
                .actorsAfter(structure.actorsAfter)
                .sequentialSpecification(structure.specification);
        List<Pinned.Shape> shapes = new ArrayList<>(structure.pinned.get());
        shapes.sort(Comparator.comparing(
                shape -> shape.reproduces().stream().noneMatch(v -> v.id().equals(protocolId))));
        for (Pinned.Shape shape : shapes) {
            options.addCustomScenario(shape.scenario());
        }
        return options;
    }

    /**
     * The model checker's settings: the loop bounds ({@link #LOOP_BOUND}); {@link #atomicStep} code
     * as one step per call; and no analysis at all (no switch points, no trace lines) of what only
     * runs while no operation does: the quiescent checks, and the scenario's constructor (the setup,
     * before any thread starts).
     */
    private static ModelCheckingOptions modelChecking(Structure structure) {
        return new ModelCheckingOptions()
                .loopBound(LOOP_BOUND)
                .loopIterationsBeforeThreadSwitch(LOOP_BOUND)
                .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(CheckOptions::atomicStep).allMethods()
                        .treatAsAtomic())
                .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(QuiescentChecker.class.getName(),
                        HeapRoles.class.getName()).methods("check", "require").ignore())
                .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(structure.scenario.getName()).methods("<init>")
                        .ignore());
    }

    /**
     * Code that model checking runs as one step each call, without interleaving inside: the JDK's
     * concurrent collections and adders (trusted to be linearizable), the thread-confined lists of
     * a heap, and the allocator's bookkeeping that takes no part in the free protocol (the address
     * registry, the pool's mapping and unmapping, statistics). The protocol's steps, the heap's
     * decisions, the abandoned queue's claim flags and the trimmer all stay interleaved at every
     * shared access. Fewer switch points cannot raise a false alarm; they let a budget of a few
     * dozen interleavings per scenario reach the windows the known races need.
     */
    private static Boolean atomicStep(String className) {
        return className.startsWith("java.util.concurrent.ConcurrentHashMap")
                || className.startsWith("java.util.concurrent.ConcurrentLinkedQueue")
                || className.startsWith("java.util.concurrent.atomic.LongAdder")
                || className.startsWith("java.util.concurrent.atomic.Striped64")
                || className.startsWith("java.util.ArrayList")
                || className.startsWith("org.slabproof.pool.SuperSlabRegistry")
                || className.startsWith("org.slabproof.pool.SuperSlabPool")
                || className.startsWith("org.slabproof.pool.EmptyReserve")
                || className.startsWith("org.slabproof.memory.")
                || className.startsWith("org.slabproof.stats.")
                || className.equals("org.slabproof.superslab.SizeClasses");
    }

    /** The scenario multiplier from {@value #THOROUGHNESS}. */
    public static int thoroughness() {
        int factor = Integer.getInteger(THOROUGHNESS, 1);
        if (factor < 1) {
            throw new IllegalArgumentException(THOROUGHNESS + " must be >= 1, got " + factor);
        }
        return factor;
    }
}
