package org.slabproof.proofs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;

/**
 * Ends vmlens's planning of the current exploration from another thread, so that a cell that runs
 * out of its time budget inside {@code AllInterleavings.hasNext()} is reported as timed out instead
 * of blocking the test JVM for hours.
 *
 * <p>Implementation notes. vmlens 1.2.17 plans the next interleaving by trying, for each run it
 * has seen, every one of the 2^k binary choices over the k pairs of dependent atomic steps of
 * that run (its {@code PermutationIterator}), dropping the choices whose order has a cycle; nothing
 * in that loop checks an interrupt or a deadline. Moving each pending run's iterator to its end and
 * dropping the runs still queued makes the current {@code hasNext()} return false soon after; the
 * harness already knows the exploration was cut short ({@link Watchdog#overran()}), so nothing is
 * claimed for it, although vmlens's own report then shows that test without a limit. The classes
 * and fields are vmlens 1.2.17's (agent bootstrap jar, as for {@link Quiescent}); if they are not
 * found, {@link #stop()} says so and the {@link Watchdog} ends the test JVM instead.
 */
final class VmlensPlanner {
    private static final String BOOTSTRAP = "com.vmlens.transformed.agent.bootstrap.";

    private VmlensPlanner() {
    }

    /**
     * Stops the planning of the exploration in progress.
     *
     * @return false if vmlens's internals are not the expected ones (or no exploration is in progress)
     */
    static boolean stop() {
        try {
            Class<?> facadeClass = Class.forName(BOOTSTRAP + "parallelize.facade.ParallelizeFacade");
            Object facade = field(facadeClass, "parallelizeFacade").get();
            Object current = field(facadeClass, "currentLoop").get(facade);
            if (current == null) {
                return false;
            }
            Object loop = field(current.getClass(), "loop").get(current);
            Object interleaveLoop = field(loop.getClass(), "interleaveLoop").get(loop);
            ((Collection<?>) field(interleaveLoop.getClass(), "stillToBeProcessedAlternatingOrderContainer")
                    .get(interleaveLoop)).clear();
            Object iterator = field(interleaveLoop.getClass(), "iterator").get(interleaveLoop);
            Object orders = field(iterator.getClass(), "currentIterator").get(iterator);
            if (orders != null) {
                Object permutations = field(orders.getClass(), "permutationIterator").get(orders);
                if (permutations != null) {
                    VarHandle index = field(permutations.getClass(), "index");
                    index.setVolatile(permutations, (long) field(permutations.getClass(), "maxIndex").get(permutations));
                }
            }
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            System.err.println("cannot stop vmlens's planning (" + e + "); the proofs rely on vmlens 1.2.17's internals");
            return false;
        }
    }

    private static VarHandle field(Class<?> owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (var f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflectVarHandle(f);
                }
            }
        }
        throw new NoSuchFieldException(owner.getName() + "." + name);
    }
}
