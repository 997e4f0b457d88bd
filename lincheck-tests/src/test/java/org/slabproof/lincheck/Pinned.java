package org.slabproof.lincheck;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.slabproof.variants.KnownBadVariant;

/**
 * Pinned scenarios of one scenario class: the shapes that reproduce each known race, written down
 * once and checked before the random ones in every run (Lincheck's custom scenarios), so that a
 * structure whose scenarios are expensive still meets them in every build, not only when the
 * generator happens to draw them.
 */
final class Pinned {
    private final Class<?> scenario;

    /**
     * One pinned scenario and the known-bad variants it reproduces. Every run checks every shape;
     * a run against one of those variants checks its shapes first, so that it is answered without
     * paying for the others.
     *
     * @param name       what the shape is, for reports
     * @param scenario   the scenario
     * @param reproduces the variants whose bug it reproduces
     */
    record Shape(String name, ExecutionScenario scenario, Set<KnownBadVariant> reproduces) {
    }

    /** Pinned scenarios of {@code scenario}'s operations. */
    Pinned(Class<?> scenario) {
        this.scenario = scenario;
    }

    /** One operation by method name and arguments. */
    Actor op(String name, Object... args) {
        for (Method m : scenario.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return new Actor(m, Arrays.asList(args));
            }
        }
        throw new IllegalArgumentException(scenario.getSimpleName() + " has no operation " + name + "/" + args.length);
    }

    /** A sequence of operations. */
    List<Actor> ops(Actor... actors) {
        return List.of(actors);
    }

    /** A shape: a sequential start, two threads in parallel, a sequential end. */
    Shape shape(String name, Set<KnownBadVariant> reproduces, List<Actor> init, List<Actor> first,
            List<Actor> second, List<Actor> post) {
        return new Shape(name, new ExecutionScenario(init, List.of(first, second), post, null), reproduces);
    }
}
