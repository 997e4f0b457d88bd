package org.slabproof.proofs;

import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;

/**
 * Guards the proofs against passing vacuously. vmlens interleaves only the synchronization it
 * traces; vmlens 1.2.17 traces volatile fields and {@code java.util.concurrent.atomic} objects but
 * not VarHandles, field updaters or FFM memory accesses. If the protocol's atomic steps were
 * invisible, every cell would "pass" after two interleavings (thread start and join). So before
 * trusting the proofs, vmlens must find the lost push of the known-bad {@code racy-drain} variant
 * in the push x drain cell, a bug that exists only between two atomic steps of the real classes.
 * vmlens's report lists this run as a failure: that failure is the expected bug.
 */
final class EngineCheck {
    private EngineCheck() {
    }

    /**
     * Fails unless vmlens finds racy-drain's lost push.
     *
     * @throws AssertionError when the agent is missing or blind to the protocol's atomic steps
     */
    static void requireVmlensSeesTheProtocol() throws InterruptedException {
        int explored = 0;
        InvariantViolation found = null;
        try (AllInterleavings all = new AllInterleavingsBuilder().withMaximumIterations(ProofConfig.maxIterations())
                .build("engine-check: racy-drain must lose a push")) {
            while (found == null && all.hasNext()) {
                explored++;
                try {
                    Cell.runOnce(Cells.PUSH_DRAIN, "racy-drain");
                } catch (InvariantViolation v) {
                    found = v;                 // expected: this run looks for the bug, it is no proof
                }
            }
        }
        if (explored == 0) {
            throw new AssertionError("the vmlens agent is not attached: run through the vmlens-maven-plugin");
        }
        if (found == null || found.invariant() != Invariant.I2) {
            throw new AssertionError("vmlens explored " + explored
                    + " interleavings of push x drain under racy-drain without losing a push: it does not see the "
                    + "protocol's atomic steps (VarHandles?), so every proof of this module would be vacuous");
        }
    }
}
