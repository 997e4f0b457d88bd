package org.slabproof.contract;

import org.slabproof.Allocator;

/** Lets tests outside this package run {@link SeedScenario}. */
public final class SeedScenarioAccess {
    private SeedScenarioAccess() {
    }

    /** Runs the scenario for {@code generations} generations. */
    public static void run(Allocator allocator, int generations) {
        SeedScenario.run(allocator, generations);
    }
}
