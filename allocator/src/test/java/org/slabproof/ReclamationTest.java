package org.slabproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.Threads;

/**
 * I6: dead owners' SuperSlabs are adopted or released by something that actually runs: the
 * background trimmer (on by default), adoption on the allocation slow path, or an explicit
 * handle.
 */
class ReclamationTest {
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    @Timeout(30)
    void theTrimmerIsOnByDefaultAndReleasesADeadOwnersEmptySuperSlab(AccountingPolicy policy) {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().policy(policy).build())) {
            long[] blocks = new long[5_000];
            Threads.runOnNewThread(() -> {
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = a.malloc(40);
                }
            });
            for (long b : blocks) {
                a.free(b);                                  // remote frees into a dead owner's SuperSlab
            }
            // Nobody calls trimNow: only the background trimmer can reap and release. This waits
            // for its effect (a liveness property), bounded by the timeout.
            while (a.stats().superSlabsFreed() < 1) {
                LockSupport.parkNanos(1_000_000);
            }
            assertEquals(0, a.stats().superSlabsLive(), a.stats().superSlabLine());
            assertTrue(a.stats().trims() > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void anotherThreadAdoptsADeadOwnersSuperSlabThatIsAtMostHalfFull(AccountingPolicy policy) {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().policy(policy).trimInterval(Duration.ZERO)
                .build())) {
            long[] kept = new long[100];
            Threads.runOnNewThread(() -> {
                long[] blocks = new long[1024];
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = a.malloc(64);
                }
                for (int i = 0; i < blocks.length; i++) {
                    if (i < kept.length) {
                        kept[i] = blocks[i];
                    } else {
                        a.free(blocks[i]);
                    }
                }
            });
            a.trimNow();                                    // reaps the dead heap: 100 live blocks, so abandoned
            SuperSlab abandoned = a.liveSuperSlabs().getFirst();
            assertEquals(SuperSlab.ABANDONED, abandoned.state());
            long[] adopted = new long[1];
            Threads.runOnNewThread(() -> {
                adopted[0] = a.malloc(64);
                assertEquals(SuperSlab.OWNED, abandoned.state());
                assertEquals(a.currentHeap(), abandoned.owner());
                for (long b : kept) {
                    a.free(b);                              // now local frees: the adopter owns them
                }
                a.free(adopted[0]);
            });
            assertTrue(adopted[0] >= abandoned.base() && adopted[0] < abandoned.base() + (2L << 20));
            AllocatorStats s = a.stats();
            assertEquals(1, s.adoptions());
            assertEquals(1, s.superSlabsAllocated(), "adoption must not map: " + s.superSlabLine());
            a.trimNow();
            assertEquals(0, a.stats().superSlabsLive());
        }
    }

    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    void closingAThreadHandleAbandonsItsSuperSlabsNow(AccountingPolicy policy) {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().policy(policy).trimInterval(Duration.ZERO)
                .build())) {
            long kept;
            try (ThreadHeapHandle h = a.attachThread()) {
                a.free(a.malloc(200));
                kept = a.malloc(200);
            }
            SuperSlab ss = a.liveSuperSlabs().getFirst();
            assertEquals(SuperSlab.ABANDONED, ss.state(), "one live block: abandoned, not released");
            a.free(kept);                                   // a fresh heap: a remote free into it
            a.trimNow();
            assertEquals(SuperSlab.RELEASED, ss.state());
            assertEquals(0, a.stats().superSlabsLive());
        }
    }
}
