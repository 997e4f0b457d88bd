package org.slabproof.proofs;

import java.util.concurrent.TimeUnit;

import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;

import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.TinyWorld;
import org.slabproof.testkit.cells.Cells;
import org.slabproof.variants.KnownBadVariant;

/**
 * Guards the proofs against passing vacuously. vmlens interleaves only the synchronization it
 * traces; vmlens 1.2.17 traces volatile fields and {@code java.util.concurrent} objects but not
 * VarHandles, field updaters or FFM memory accesses. If the protocol's atomic steps were
 * invisible, every cell would "pass" after two interleavings (thread start and join). So before
 * trusting the proofs, vmlens must find the lost push of the known-bad {@code racy-drain} variant
 * in the push x drain cell, a bug that exists only between two atomic steps of the real classes
 * (the take-all's read and its clear), so no sequential order of the actors shows it. The lost
 * block is still counted in its slab's {@code used}, so the allocator's own equations, which the
 * shared check runs first, report it as I1 (the count is below what {@code used} says is live)
 * before the check's own I2 walk would: any violation that names an invariant is the bug.
 * vmlens's report lists this run as a failure: that failure is the expected bug.
 */
final class EngineCheck {
    /** The vmlens test name of this run, which {@link ProofReport} leaves out of its tables. */
    static final String NAME = "engine-check: racy-drain must lose a push";

    private EngineCheck() {
    }

    /**
     * Fails unless vmlens finds racy-drain's lost push.
     *
     * @throws AssertionError when the agent is missing or blind to the protocol's atomic steps
     */
    static void requireVmlensSeesTheProtocol() throws Exception {
        // The test kit's owner thread that never dies starts when TinyWorld is initialized: here,
        // outside any exploration, so that vmlens never counts it among a run's threads.
        Class.forName(TinyWorld.class.getName(), true, EngineCheck.class.getClassLoader());
        int explored = 0;
        InvariantViolation found = null;
        boolean timedOut;
        Watchdog.watch(NAME, null, null, System.nanoTime(), TimeUnit.SECONDS.toNanos(ProofConfig.cellSeconds()));
        try (AllInterleavings all = new AllInterleavingsBuilder().withMaximumIterations(ProofConfig.maxIterations())
                .build(NAME)) {
            while (found == null && !Watchdog.overran() && all.hasNext()) {
                explored++;
                try {
                    Interleaving.run(Cells.PUSH_DRAIN, KnownBadVariant.RACY_DRAIN::protocol);
                } catch (InvariantViolation v) {
                    found = v;                 // expected: this run looks for the bug, it is no proof
                }
            }
        } finally {
            timedOut = Watchdog.overran();
            Watchdog.clear();
        }
        if (explored == 0) {
            throw new AssertionError("the vmlens agent is not attached: run through the vmlens-maven-plugin");
        }
        if (found == null && timedOut) {
            throw new AssertionError("the engine check ran out of its time budget after " + explored + " interleavings");
        }
        if (found == null) {
            throw new AssertionError("vmlens explored " + explored
                    + " interleavings of push x drain under racy-drain without losing a push: it does not see the "
                    + "protocol's atomic steps (VarHandles?), so every proof of this module would be vacuous");
        }
        System.out.println("engine check: vmlens lost racy-drain's push in interleaving " + explored + " ("
                + found.getMessage() + ")");
    }
}
