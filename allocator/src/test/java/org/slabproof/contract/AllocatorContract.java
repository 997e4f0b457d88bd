package org.slabproof.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.AllocatorStats;
import org.slabproof.Invariant;
import org.slabproof.internal.AllocatorAccess;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.NamesInvariant;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.Threads;

/**
 * The allocator's whole-system contract, run against every protocol (JCTools' QueueSanityTest
 * pattern): one subclass per accounting policy, and one per known-bad variant (tagged
 * {@code variant}, excluded from the default build, run by the mutation gate, which expects
 * them to fail).
 *
 * <p>Every test ends at a quiescent point (threads joined) and checks, through the shared
 * {@link QuiescentChecker}, I1, I2, I3, I5 and I6 ("every SuperSlab released"); a failure names
 * the invariant. The trimmer thread is off ({@code trimInterval = 0}) so that reclamation happens
 * exactly where the test calls {@link Allocator#trimNow()}; {@code ReclamationTest} covers the
 * background thread.
 */
@Timeout(60)
public abstract class AllocatorContract {
    /**
     * Every failure reported as the invariant it stands for; the 256 MiB cap is far above what any
     * of these workloads keeps live, so reaching it means SuperSlabs were not reclaimed (I6).
     */
    @RegisterExtension
    static final NamesInvariant NAMES_INVARIANT = NamesInvariant.withCapMeaningI6();

    /** The allocator under test, fresh for each test. */
    protected Allocator allocator;

    /** Subclasses: one per protocol. */
    protected AllocatorContract() {
    }

    /** The protocol under test (a correct policy or a known-bad variant), a fresh instance. */
    protected abstract FreeProtocol protocol();

    @BeforeEach
    void open() {
        allocator = AllocatorAccess.create(AllocatorConfig.builder().checked(true).trimInterval(Duration.ZERO)
                .maxMappedBytes(256L << 20).build(), protocol());
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    /**
     * N threads allocate, then free each other's blocks (all frees remote), then exit: every
     * count is exactly zero and every SuperSlab is released (I1, I3, I6).
     */
    @Test
    protected void blocksFreedByOtherThreadsBringEveryCountToZeroAndEverySuperSlabIsReleased() {
        int threads = 4;
        int perThread = 20_000;
        long[][] blocks = new long[threads][perThread];
        Threads.runInPhases(threads, 2, (t, phase) -> {
            if (phase == 0) {
                for (int i = 0; i < perThread; i++) {
                    blocks[t][i] = allocator.malloc(8 + (i * 37) % 1017);
                }
            } else {
                for (long block : blocks[(t + 1) % threads]) {
                    allocator.free(block);
                }
            }
        });
        reclaimAll();
        AllocatorStats s = allocator.stats();
        assertEquals((long) threads * perThread, s.remoteFrees(), "every free was remote");
        assertEverythingReleased(s);
    }

    /** A mix of local and remote frees interleaved with allocation, under contention. */
    @Test
    protected void mixedLocalAndRemoteFreesUnderContentionKeepTheAccountingExact() {
        int threads = 2;
        int rounds = 50_000;
        long[][] handoff = new long[threads][rounds];
        Threads.runInPhases(threads, 2, (t, phase) -> {
            if (phase == 0) {
                for (int i = 0; i < rounds; i++) {
                    long mine = allocator.malloc(16 + (i % 7) * 16);
                    long keep = allocator.malloc(48);
                    allocator.free(mine);                  // local
                    handoff[t][i] = keep;
                }
            } else {
                for (long block : handoff[1 - t]) {
                    allocator.free(block);                 // remote, while the owner frees too
                }
            }
        });
        reclaimAll();
        assertEverythingReleased(allocator.stats());
    }

    /**
     * Larson's core pattern, in lockstep: the owner allocates a batch, another thread frees it
     * (remote frees into the owner's pinned slabs), and the owner's next mallocs drain those
     * blocks back and hand them out again. The count must stay exact through every drain, so that
     * the owner's hand-off at exit returns exactly its credit (I1), and everything goes back (I6).
     */
    @Test
    protected void anOwnerReusingBlocksItsRemoteFreesDrainedBackKeepsTheCountExact() {
        long[] batch = new long[600];                       // not a divisor of a slab's 1024 blocks of 64 bytes
        Threads.runInPhases(2, 2 * 64, (t, phase) -> {
            boolean allocating = phase % 2 == 0;
            if (t == 0 && allocating) {
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = allocator.malloc(64);        // from the second batch on, partly drained blocks
                }
            } else if (t == 1 && !allocating) {
                for (long block : batch) {
                    allocator.free(block);                  // remote: the owner is alive and has them pinned
                }
            }
        });
        reclaimAll();
        AllocatorStats s = allocator.stats();
        assertTrue(s.drainedBlocks() > 0, "the owner drained remote frees: " + s);
        assertEverythingReleased(s);
    }

    /** A thread allocates and exits without calling anything; another frees its blocks (I6). */
    @Test
    protected void blocksOfAnExitedThreadFreedByAnotherAreReclaimed() {
        long[] blocks = new long[30_000];
        Threads.runOnNewThread(() -> {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = allocator.malloc(64);
            }
        });
        for (long block : blocks) {
            allocator.free(block);
        }
        reclaimAll();
        assertEverythingReleased(allocator.stats());
    }

    /**
     * One thread allocates blocks over several SuperSlabs, so the first ones are no longer pinned
     * (it has moved on), then frees them all itself: its frees into SuperSlabs it no longer pins
     * take the remote path, and every SuperSlab is released (I1, I6).
     */
    @Test
    protected void anOwnerFreeingItsBlocksAfterMovingOnGetsEverySuperSlabBack() {
        int blocks = (int) (3 * allocator.config().superSlabSize() / 64);
        long[] mine = new long[blocks];
        Threads.runOnNewThread(() -> {
            for (int i = 0; i < blocks; i++) {
                mine[i] = allocator.malloc(64);
            }
            for (long block : mine) {
                allocator.free(block);
            }
            AllocatorAccess.currentHeap(allocator).close();
        });
        reclaimAll();
        AllocatorStats s = allocator.stats();
        assertTrue(s.superSlabsAllocated() >= 3, "the blocks spanned several SuperSlabs: " + s.superSlabLine());
        assertEverythingReleased(s);
    }

    /**
     * The seed's scenario in miniature: each generation's blocks are freed by its successor while
     * the owner is still alive (remote frees), then the owner exits. The SuperSlabs must be
     * reclaimed and their number stay small.
     */
    @Test
    protected void threadChurnWithRemoteFreesKeepsSuperSlabsBounded() {
        SeedScenario.run(allocator, 200);
        reclaimAll();
        AllocatorStats s = allocator.stats();
        InvariantViolation.require(Invariant.I6, s.superSlabsPeak() <= 4, "SuperSlabs piled up: " + s.superSlabLine());
        assertEverythingReleased(s);
    }

    /** The calling thread gives its heap up, then two trim passes (the second sees the first's work settle). */
    protected void reclaimAll() {
        AllocatorAccess.currentHeap(allocator).close();
        allocator.trimNow();
        allocator.trimNow();
    }

    /** I1, I2, I3, I5 and I6 at a quiescent point with no live block left: every SuperSlab released. */
    protected void assertEverythingReleased(AllocatorStats s) {
        QuiescentChecker.require(AllocatorAccess.environment(allocator), new long[0], true);
        InvariantViolation.require(Invariant.I1, s.activeBlocks() == 0, "active blocks left: " + s.superSlabLine());
        InvariantViolation.require(Invariant.I6, s.superSlabsLive() == 0, "SuperSlabs not released: " + s.superSlabLine());
    }
}
