package org.slabproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.Await;
import org.slabproof.testkit.Threads;

/**
 * I6: SuperSlabs of dead, departed or idle owners are adopted or released by something that
 * actually runs: the background trimmer (on by default), adoption on the allocation slow path, an
 * explicit handle, or the zero transition.
 */
class ReclamationTest {
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    @Timeout(60)
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
            // Nobody calls trimNow: only the background trimmer can reap and release.
            Await.until(() -> a.stats().superSlabsFreed() >= 1, "the background trimmer to release the SuperSlab",
                    () -> a.stats().superSlabLine());
            assertEquals(0, a.stats().superSlabsLive(), a.stats().superSlabLine());
            assertTrue(a.stats().trims() > 0);
        }
    }

    /**
     * A whole-allocator check at a quiescent point while the background trimmer releases: the
     * application's threads are quiet, the trimmer is not. Every check must find nothing and
     * never touch a SuperSlab the trimmer releases under it (Larson's cleanup does exactly this).
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    @Timeout(60)
    void checkingTheInvariantsWhileTheTrimmerReleasesFindsNothingAndTouchesNothingReleased(AccountingPolicy policy) {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().policy(policy)
                .trimInterval(Duration.ofMillis(1)).emptyReserve(0).build())) {
            for (int round = 0; round < 20; round++) {
                long[] blocks = new long[40_000];
                Threads.runOnNewThread(() -> {
                    for (int i = 0; i < blocks.length; i++) {
                        blocks[i] = a.malloc(16 + (i % 4) * 16);
                    }
                });
                for (long b : blocks) {
                    a.free(b);                              // remote: the dead owner's SuperSlabs empty out
                }
                Await.until(() -> {
                    assertEquals(List.of(), a.checkInvariants());
                    return a.stats().superSlabsLive() == 0;
                }, "the trimmer to release round " + round + "'s SuperSlabs", () -> a.stats().superSlabLine());
            }
        }
    }

    /**
     * The idle producer: a live thread allocates about 100 MB of 256-byte blocks, another thread
     * frees them all, and the producer stays alive and idle. The trimmer must give the memory back
     * while the producer lives: at most the SuperSlab that holds its current slab stays (plus the
     * empty reserve), and the reserve's pages are given back after they sat unused.
     */
    @ParameterizedTest
    @EnumSource(AccountingPolicy.class)
    @Timeout(120)
    void memoryGoesBackWhileTheProducerLivesIdle(AccountingPolicy policy) {
        int reserve = 2;
        try (Allocator a = Allocator.create(AllocatorConfig.builder().policy(policy).emptyReserve(reserve)
                .reserveIdle(Duration.ofMillis(20)).build())) {
            long[] blocks = new long[400_000];
            CountDownLatch produced = new CountDownLatch(1);
            CountDownLatch checked = new CountDownLatch(1);
            Thread producer = Thread.ofPlatform().daemon().name("producer").start(() -> {
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = a.malloc(256);
                }
                produced.countDown();
                Await.latch(checked, "the test to finish its checks");  // alive and idle meanwhile
            });
            Await.latch(produced, "the producer's 400,000 blocks");
            long mappedAtPeak = a.stats().mappedBytes();
            assertTrue(mappedAtPeak >= blocks.length * 256L, a.stats().superSlabLine());
            Threads.runOnNewThread(() -> {
                for (long b : blocks) {
                    a.free(b);
                }
            });
            long superSlab = a.config().superSlabSize();
            Await.until(() -> a.stats().superSlabsLive() <= 1 && a.stats().mappedBytes() <= (reserve + 1) * superSlab,
                    "the trimmer to release the idle producer's empty SuperSlabs",
                    () -> a.stats().superSlabLine());
            Await.until(() -> a.stats().reservedResidentSuperSlabs() == 0,
                    "the reserve's pages to go back to the kernel", () -> a.stats().superSlabLine());
            assertTrue(producer.isAlive(), "the producer must still be alive: memory went back without it");
            checked.countDown();
            Threads.join(producer, Threads.DEADLINE.toNanos());
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
            assertEquals(SuperSlab.ABANDONED, abandoned.kind());
            long[] adopted = new long[1];
            Threads.runOnNewThread(() -> {
                adopted[0] = a.malloc(64);
                assertTrue(a.currentHeap().hasPinned(abandoned), "adopted and pinned: " + abandoned);
                for (long b : kept) {
                    a.free(b);                              // now local frees: the adopter owns them
                }
                a.free(adopted[0]);
            });
            assertTrue(abandoned.contains(adopted[0]));
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
                h.free(h.malloc(200));
                kept = h.malloc(200);
            }
            SuperSlab ss = a.liveSuperSlabs().getFirst();
            assertEquals(SuperSlab.ABANDONED, ss.kind(), "one live block: abandoned, not released");
            a.free(kept);                                   // a fresh heap: a remote free into it
            a.trimNow();
            assertEquals(SuperSlab.RELEASED, ss.kind());
            assertEquals(0, a.stats().superSlabsLive());
        }
    }
}
