package org.slabproof.larson.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.slabproof.AllocatorStats;
import org.slabproof.larson.OtherThread;

/**
 * The per-thread views of every peer's block table: they work, they refuse any thread but their
 * own, and the reference allocator's view gives its thread's SuperSlabs up when it is closed.
 */
class BlockTableViewTest {
    static final List<String> PEERS = Peers.IDS;

    @ParameterizedTest
    @FieldSource("PEERS")
    void aViewAllocatesTouchesFillsAndFrees(String id) {
        try (Peer peer = Peers.create(id, null, 0, 0); BlockTable.View view = peer.newTable(4).forCurrentThread()) {
            view.allocate(0, 16);
            view.allocate(1, 200);
            assertEquals('a', view.touch(0), "touch returns the byte it wrote and read back");
            view.fill(1, BlockTable.MAX_FILL, (byte) 7);
            assertThrows(IllegalArgumentException.class, () -> view.fill(1, BlockTable.MAX_FILL + 1, (byte) 7),
                    "no workload writes more than MAX_FILL bytes, and the no-op buffer holds no more");
            view.swap(0, 3);
            view.free(3);
            view.free(3);       // an empty slot: a no-op, like free(NULL)
            view.allocate(3, 8);
            view.freeAll();
        }
    }

    @ParameterizedTest
    @FieldSource("PEERS")
    void aViewUsedFromAnotherThreadFailsClearly(String id) throws InterruptedException {
        try (Peer peer = Peers.create(id, null, 0, 0)) {
            BlockTable table = peer.newTable(4);
            BlockTable.View mine = table.forCurrentThread();
            mine.allocate(0, 16);
            assertInstanceOf(WrongThreadException.class, OtherThread.run(() -> mine.allocate(1, 16)), "allocate");
            assertInstanceOf(WrongThreadException.class, OtherThread.run(() -> mine.free(0)), "free");
            assertInstanceOf(WrongThreadException.class, OtherThread.run(mine::close), "close");
            // The failed calls changed nothing: the owner still frees its block and closes its view.
            mine.freeAll();
            mine.close();
        }
    }

    @Test
    void noopHandsEachThreadItsOwnBufferAndAlwaysTheSameOne() throws InterruptedException {
        try (Peer peer = Peers.create("noop", null, 0, 0)) {
            AddressTable table = (AddressTable) peer.newTable(4);
            try (BlockTable.View view = table.forCurrentThread()) {
                view.allocate(0, 16);
                view.allocate(1, 1000);
                assertEquals(table.addresses[0], table.addresses[1], "one buffer per thread, whatever the size");
                AtomicLong other = new AtomicLong();
                assertNull(OtherThread.run(() -> {
                    try (BlockTable.View theirs = table.forCurrentThread()) {
                        theirs.allocate(2, 16);
                        theirs.touch(2);
                        other.set(table.addresses[2]);
                    }
                }));
                assertNotEquals(table.addresses[0], other.get(), "two threads never write the same bytes");
                // Freeing a block of a thread whose view is closed is a no-op: nothing is dereferenced.
                view.freeAll();
            }
        }
    }

    @Test
    void closingTheReferenceAllocatorsViewGivesTheThreadsSuperSlabsUpAtOnce() throws InterruptedException {
        try (SlabproofPeer peer = (SlabproofPeer) Peers.create("slabproof", null, 0, 0)) {
            BlockTable table = peer.newTable(64);
            long before = peer.allocator().stats().heapsAbandoned();
            assertNull(OtherThread.run(() -> {
                try (BlockTable.View worker = table.forCurrentThread()) {
                    for (int i = 0; i < 32; i++) {
                        worker.allocate(i, 24);
                    }
                }
            }));
            AllocatorStats afterWorker = peer.allocator().stats();
            assertEquals(before + 1, afterWorker.heapsAbandoned(), "the view's close, not a later reaper pass");
            assertEquals(32, afterWorker.activeBlocks());
            try (BlockTable.View main = table.forCurrentThread()) {
                main.freeAll();     // 32 remote frees into the abandoned heap's slabs
            }
            peer.afterCleanup();
            AllocatorStats end = peer.allocator().stats();
            assertEquals(0, end.activeBlocks());
            assertTrue(peer.allocator().checkInvariants().isEmpty(), peer.allocator().checkInvariants().toString());
        }
    }
}
