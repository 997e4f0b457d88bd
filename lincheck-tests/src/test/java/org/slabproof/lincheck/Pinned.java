package org.slabproof.lincheck;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Pinned scenarios: the interleavings the brief names, written down once and checked before the
 * random ones in every run (Lincheck's custom scenarios), so that a structure whose scenarios are
 * expensive still meets the shapes that matter in every build, not only when the generator
 * happens to draw them.
 */
final class Pinned {
    private Pinned() {
    }

    /** One operation of {@code scenario} by method name. */
    static Actor op(Class<?> scenario, String name, Object... args) {
        for (Method m : scenario.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return new Actor(m, Arrays.asList(args), false, false, false, false, false);
            }
        }
        throw new IllegalArgumentException(scenario.getSimpleName() + " has no operation " + name + "/" + args.length);
    }

    /** A scenario: a sequential start, threads in parallel, a sequential end. */
    static ExecutionScenario scenario(List<Actor> init, List<List<Actor>> parallel, List<Actor> post) {
        return new ExecutionScenario(init, parallel, post, null);
    }
}
