package org.slabproof.larson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slabproof.AllocatorStats;
import org.slabproof.Violation;
import org.slabproof.larson.peer.Peer;
import org.slabproof.larson.peer.Peers;
import org.slabproof.larson.peer.SlabproofPeer;
import org.slabproof.larson.telemetry.Sample;

/**
 * The producer/consumer workload's accounting: every block a producer allocated is freed by a
 * consumer, the counts agree with the allocator's own, and the allocator's invariants hold at the
 * end. Runs end by their batch count, not by time; the time limit is far beyond what they need
 * and no assertion depends on speed.
 */
class XmallocTest {
    private static final int BATCHES = 3;
    private static final long BLOCKS = (long) BATCHES * XmallocArguments.BLOCKS_PER_BATCH;

    private static XmallocArguments batches(int threads, int size, int queueLimit, double idleSeconds) {
        return new XmallocArguments(threads, 600, size, BATCHES, queueLimit, idleSeconds, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"slabproof", "slabproof-drain"})
    void everyBlockIsFreedRemotelyAndTheAllocatorAgrees(String id) throws InterruptedException {
        try (Peer peer = Peers.create(id, null, 0, 0)) {
            RunResult r = new Xmalloc(batches(2, -1, 1, 0), null).run(peer);
            assertEquals(RunStatus.OK, r.status(), r.error());
            assertEquals(2 * BLOCKS, r.mallocs(), "each producer made exactly its batches");
            assertEquals(r.mallocs(), r.frees(), "consumers freed every block");
            AllocatorStats stats = ((SlabproofPeer) peer).allocator().stats();
            assertEquals(r.mallocs(), stats.mallocs(), "the allocator counted the same mallocs");
            assertEquals(r.frees(), stats.remoteFrees(), "a consumer never owns what it frees: every free is remote");
            assertEquals(0, stats.localFrees());
            assertEquals(0, r.afterCleanup().activeBlocks(), "nothing is live after every block was freed");
            assertEquals(0, r.atEnd().activeBlocks(), "nothing was live even before the final cleanup");
            List<Violation> problems = ((SlabproofPeer) peer).allocator().checkInvariants();
            assertTrue(problems.isEmpty(), problems.toString());
            assertTrue(r.throughputLine().matches("rtime: \\d+\\.\\d{3}, free/sec: \\d+\\.\\d{3} M"), r.throughputLine());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "netty", "malloc", "noop"})
    void otherPeersFreeEveryBlockToo(String id) throws InterruptedException {
        try (Peer peer = Peers.create(id, null, 0, 0)) {
            RunResult r = new Xmalloc(batches(1, 1024, 100, 0), null).run(peer);
            assertEquals(RunStatus.OK, r.status(), r.error());
            assertEquals(BLOCKS, r.mallocs());
            assertEquals(BLOCKS, r.frees());
            assertNull(r.atEnd());
        }
    }

    @Test
    void anIdlePhaseIsSampledAndMarked() throws InterruptedException {
        try (Peer peer = Peers.create("slabproof", null, 0, 0)) {
            RunResult r = new Xmalloc(batches(1, 64, 100, 0.3), null).run(peer);
            assertEquals(RunStatus.OK, r.status(), r.error());
            assertTrue(r.hadIdlePhase());
            assertEquals(r.elapsedSeconds(), r.idleStartedSeconds(), "idle begins when the last block was freed");
            List<Sample> idle = r.samples().stream().filter(s -> s.seconds() > r.idleStartedSeconds()).toList();
            assertTrue(idle.size() >= 2, "telemetry went on while the producers idled: " + r.samples());
            assertTrue(idle.stream().allMatch(Sample::hasSuperSlabs));
            assertEquals(BLOCKS, r.frees());
        }
    }

    @Test
    void producingFirstHasTheWholeAllocationLiveAtOnce() throws InterruptedException {
        try (Peer peer = Peers.create("slabproof", null, 0, 0)) {
            RunResult r = new Xmalloc(new XmallocArguments(1, 600, 1024, BATCHES, BATCHES, 0.1, true), null).run(peer);
            assertEquals(RunStatus.OK, r.status(), r.error());
            assertEquals(BLOCKS, r.frees());
            assertTrue(r.atEnd().mappedBytesPeak() >= BLOCKS * 1024,
                    "every block was live before the first free: " + r.atEnd());
            assertEquals(0, r.afterCleanup().activeBlocks());
        }
    }

    @Test
    void aTimeLimitedRunEndsAndStillFreesEveryBlockItMade() throws InterruptedException {
        try (Peer peer = Peers.create("slabproof", null, 0, 0)) {
            RunResult r = new Xmalloc(new XmallocArguments(1, 0.2, 64, 0, 2, 0, false), null).run(peer);
            assertEquals(RunStatus.OK, r.status(), r.error());
            assertTrue(r.mallocs() > 0);
            assertEquals(r.mallocs(), r.frees(), "after the stop, consumers empty the stack");
            assertFalse(r.hadIdlePhase());
            assertNotNull(r.afterCleanup());
            assertEquals(0, r.afterCleanup().activeBlocks());
        }
    }

    @Test
    void theMappedCapEndsTheRunWithItsStatus() throws InterruptedException {
        // 1024-byte blocks: one batch alone (4 MiB, live until handed over) needs more than the
        // 2 MiB cap, a single SuperSlab.
        try (Peer peer = Peers.create("slabproof", null, 2L << 20, 0)) {
            RunResult r = new Xmalloc(batches(1, 1024, 100, 0), null).run(peer);
            assertEquals(RunStatus.MAPPED_MEMORY_EXHAUSTED, r.status());
            assertTrue(r.error().startsWith("MappedMemoryExhaustedException"), r.error());
            assertEquals(0, r.afterCleanup().activeBlocks(), "the blocks made before the failure were freed by cleanup");
        }
    }
}
