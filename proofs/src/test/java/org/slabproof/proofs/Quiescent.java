package org.slabproof.proofs;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Runs the single-threaded steps of an interleaving (building the SuperSlab, the setup before the
 * thread starts, the checks after the join) hidden from vmlens, so that it explores only the race
 * window between the two actors.
 *
 * <p>Implementation notes. vmlens 1.2.17 does not use the thread start and join as ordering
 * constraints when it enumerates alternating orders: every traced step after the join that touches
 * an atomic the other thread touched adds a pair of orders to try, most of them infeasible, and the
 * search is exponential in them (push x drain with a drain and a validation after the join ran for
 * over five minutes without finishing one scenario; without them it completes 17 interleavings in
 * 2 s). Nothing before the start or after the join can interleave with anything, so hiding those
 * steps loses no interleaving; they still run, on the real classes, and still check. The hiding is
 * vmlens's own per-thread "inside vmlens" counter, which its callbacks test before recording
 * anything: an internal class of the agent's bootstrap jar, so this is tied to vmlens 1.2.17 and
 * fails loudly if the class changes. Without the agent it is a no-op (and nothing is explored).
 */
final class Quiescent {
    private static final String COUNTER =
            "com.vmlens.transformed.agent.bootstrap.parallelize.run.thread.ThreadLocalForParallelizeSingleton";
    private static final MethodHandle ENTER;    // null without the agent
    private static final MethodHandle EXIT;

    static {
        MethodHandle enter = null;
        MethodHandle exit = null;
        try {
            Class<?> counter = Class.forName(COUNTER);
            MethodType v = MethodType.methodType(void.class);
            enter = MethodHandles.publicLookup().findStatic(counter, "incrementInsideVMLens", v);
            exit = MethodHandles.publicLookup().findStatic(counter, "decrementInsideVMLens", v);
        } catch (ClassNotFoundException e) {
            // No agent: nothing is traced, so there is nothing to hide.
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("vmlens changed its internals (" + e
                    + "); the proofs rely on vmlens 1.2.17's ThreadLocalForParallelizeSingleton");
        }
        ENTER = enter;
        EXIT = exit;
    }

    private Quiescent() {
    }

    /** A step that may throw, run hidden. */
    @FunctionalInterface
    interface Step<T> {
        T run();
    }

    /** Runs {@code step} with vmlens's tracing off for this thread, and returns its result. */
    static <T> T hidden(Step<T> step) {
        toggle(ENTER);
        try {
            return step.run();
        } finally {
            toggle(EXIT);
        }
    }

    private static void toggle(MethodHandle h) {
        if (h == null) {
            return;
        }
        try {
            h.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("vmlens's tracing switch failed", t);
        }
    }
}
