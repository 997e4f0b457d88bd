package org.slabproof.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.AllocatorStats;
import org.slabproof.MappedMemoryExhaustedException;
import org.slabproof.contract.SeedScenario;

/**
 * The seed's failure reproduced on purpose: under {@code seed-missing-remote-dec} the churn
 * scenario piles SuperSlabs up with none freed until the mapped-memory cap throws, with the
 * seed's counters in the message; the default allocator stays flat on the same scenario.
 */
class SeedFailureReproducedTest {
    private static final long CAP = 64L << 20;

    @Test
    void seedVariantPilesUpSuperSlabsUntilTheCapFires() {
        try (Allocator seed = KnownBadVariant.SEED_MISSING_REMOTE_DEC.newAllocator(AllocatorConfig.builder()
                .maxMappedBytes(CAP).trimInterval(Duration.ofMillis(1)).build())) {
            MappedMemoryExhaustedException e = assertThrows(MappedMemoryExhaustedException.class,
                    () -> SeedScenario.run(seed, 1_000));
            assertTrue(e.getMessage().contains("superslabs: allocated="), e.getMessage());
            assertTrue(e.getMessage().contains("cap of " + CAP), e.getMessage());
            assertEquals(0, e.stats().superSlabsFreed(), "the seed never frees a SuperSlab: " + e.getMessage());
            assertEquals(CAP, e.stats().mappedBytes(), e.getMessage());
        }
    }

    @Test
    void defaultAllocatorStaysFlatOnTheSameScenario() {
        try (Allocator correct = Allocator.create(AllocatorConfig.builder().maxMappedBytes(CAP)
                .trimInterval(Duration.ofMillis(1)).build())) {
            SeedScenario.run(correct, 1_000);
            AllocatorStats s = correct.stats();
            assertTrue(s.superSlabsPeak() <= 4, s.superSlabLine());
            assertTrue(s.superSlabsFreed() > 0, s.superSlabLine());
        }
    }
}
