package org.slabproof.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * The one place where Lincheck's effort is chosen, so that every suite and the gate run with the
 * same, pinned budget.
 *
 * <p>Lincheck's defaults (100 scenarios of 10,000 invocations) take minutes per class on these
 * machines; the budget here keeps the module under three minutes on two cores. The system
 * property {@value #THOROUGHNESS} (default 1; the {@code lincheck-thorough} profile sets 10)
 * multiplies the number of scenarios; their sizes stay pinned, so a thorough run takes about
 * that many times longer and finds what a longer search finds, not what bigger scenarios would.
 */
public final class CheckOptions {
    /** System property: multiplier of scenarios per run. */
    public static final String THOROUGHNESS = "lincheck.thoroughness";

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
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Options for {@code mode} with the sizes of {@code structure} and the current thoroughness. */
    public static Options<?, ?> of(Mode mode, Structure structure) {
        int factor = thoroughness();
        Options<?, ?> options = switch (mode) {
            case MODEL_CHECKING -> new ModelCheckingOptions()
                    .iterations(structure.budget.modelCheckingIterations() * factor)
                    .invocationsPerIteration(structure.budget.modelCheckingInvocations());
            case STRESS -> new StressOptions()
                    .iterations(structure.budget.stressIterations() * factor)
                    .invocationsPerIteration(structure.budget.stressInvocations());
        };
        options.threads(structure.threads)
                .actorsPerThread(structure.actorsPerThread)
                .actorsBefore(structure.actorsBefore)
                .actorsAfter(structure.actorsAfter)
                .sequentialSpecification(structure.specification);
        for (ExecutionScenario pinned : structure.pinned.get()) {
            options.addCustomScenario(pinned);
        }
        return options;
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
