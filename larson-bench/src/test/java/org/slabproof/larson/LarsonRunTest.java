package org.slabproof.larson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slabproof.larson.peer.Peer;
import org.slabproof.larson.peer.Peers;

/**
 * A tiny Larson run on every peer: it completes, the workers did mallocs and freed as many blocks
 * as they allocated, and for the reference allocator every block is accounted for after cleanup.
 * Nothing here is timed: the run lasts one second so that workers surely start, and no assertion
 * depends on how many operations fit in it.
 */
class LarsonRunTest {
    /** 1 s, sizes 8..64, 2 threads of 16 slots, a successor every 2 * 16 operations: heavy thread churn. */
    private static final LarsonArguments TINY = new LarsonArguments(1, 8, 64, 16, 2, 4141, 2);

    @ParameterizedTest
    @ValueSource(strings = {"slabproof", "slabproof-drain", "heap", "netty", "malloc", "noop"})
    void tinyRunCompletes(String id) throws InterruptedException {
        RunResult r;
        try (Peer peer = Peers.create(id, null, 0, 0)) {
            r = new Larson(TINY, null).run(peer);
        }
        assertEquals(RunStatus.OK, r.status(), r.error());
        assertNull(r.error());
        assertTrue(r.mallocs() > 0, "workers made no malloc");
        assertEquals(r.mallocs(), r.frees(), "each worker iteration frees one block and mallocs one");
        assertTrue(r.threadsSpawned() >= TINY.threads(), "every slot ran at least one thread");
        assertTrue(r.elapsedSeconds() > 0);
        assertTrue(r.throughputLine().matches(
                "Throughput = [ \\d]{8,} operations per second, relative time: \\d+\\.\\d{3}s\\."), r.throughputLine());
        assertTrue(r.samples().size() >= 2, "a sample at the start and one at the end");
        if (id.startsWith("slabproof")) {
            assertNotNull(r.atEnd());
            assertTrue(r.atEnd().allocated() > 0);
            assertEquals(0, r.afterCleanup().activeBlocks(),
                    "every block was freed, so no SuperSlab may still count one: " + r.afterCleanup());
            assertTrue(r.memoryLine().startsWith("superslabs: allocated="), r.memoryLine());
        } else {
            assertNull(r.atEnd());
            assertTrue(r.memoryLine().contains("has no SuperSlabs"), r.memoryLine());
        }
    }
}
