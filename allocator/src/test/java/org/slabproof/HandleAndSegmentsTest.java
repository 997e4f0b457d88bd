package org.slabproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slabproof.testkit.Threads;

/**
 * The two other ways in: the per-thread handle (its thread rule and its closed state) and the FFM
 * segment allocator (sizes, alignments, what a segment may be used for after its SuperSlab went),
 * each misuse with its specific exception and nothing changed.
 */
class HandleAndSegmentsTest {
    private Allocator allocator;

    @BeforeEach
    void open() {
        allocator = Allocator.create(AllocatorConfig.builder().trimInterval(Duration.ZERO).emptyReserve(0).build());
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void aHandleIsItsThreadsAlone() {
        ThreadHeapHandle handle = allocator.attachThread();
        long p = handle.malloc(32);
        AllocatorStats before = allocator.stats();
        Threads.runOnNewThread(() -> {
            assertThrows(WrongThreadException.class, () -> handle.malloc(32));
            assertThrows(WrongThreadException.class, () -> handle.free(p));
            assertThrows(WrongThreadException.class, handle::close);
        });
        assertEquals(before, allocator.stats(), "misuse from another thread changed nothing");
        handle.free(p);
        handle.close();
    }

    @Test
    void aClosedHandleRefusesWorkAndTheThreadCanStartAgain() {
        ThreadHeapHandle handle = allocator.attachThread();
        long p = handle.malloc(32);
        handle.close();
        handle.close();                                     // idempotent
        assertThrows(IllegalStateException.class, () -> handle.malloc(32));
        assertThrows(IllegalStateException.class, () -> handle.free(p));
        allocator.free(p);                                  // a new heap for this thread: a remote free
        assertEquals(0, allocator.stats().activeBlocks());
    }

    @Test
    void aHandleGetsTheAllocatorsExceptionsForBadInput() {
        try (ThreadHeapHandle handle = allocator.attachThread()) {
            assertThrows(InvalidSizeException.class, () -> handle.malloc(0));
            assertThrows(InvalidSizeException.class, () -> handle.malloc(1025));
            assertThrows(ForeignAddressException.class, () -> handle.free(8));
            long p = handle.malloc(64);
            assertThrows(MisalignedAddressException.class, () -> handle.free(p + 8));
            handle.free(p);
            assertThrows(DoubleFreeException.class, () -> handle.free(p));
        }
    }

    @Test
    void segmentsHaveTheRequestedSizeAndAlignment() {
        SlabSegmentAllocator segments = allocator.segmentAllocator();
        for (long alignment : new long[] {1, 8, 16, 64, 256, 1024}) {
            for (long size : new long[] {1, 24, 100, 513, 1024}) {
                MemorySegment s = segments.allocate(size, alignment);
                assertEquals(size, s.byteSize());
                assertEquals(0, s.address() % alignment, size + " bytes aligned to " + alignment);
                s.fill((byte) 1);
                segments.free(s);
            }
        }
        assertEquals(0, allocator.stats().activeBlocks());
    }

    @Test
    void segmentsGetSpecificErrorsForBadInput() {
        SlabSegmentAllocator segments = allocator.segmentAllocator();
        assertThrows(InvalidSizeException.class, () -> segments.allocate(0));
        assertThrows(InvalidSizeException.class, () -> segments.allocate(2000));
        assertThrows(IllegalArgumentException.class, () -> segments.allocate(16, 3));
        assertThrows(IllegalArgumentException.class, () -> segments.allocate(16, 2048));
        MemorySegment s = segments.allocate(ValueLayout.JAVA_LONG);
        assertThrows(MisalignedAddressException.class, () -> segments.free(s.asSlice(8 - 4)));
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            assertThrows(ForeignAddressException.class, () -> segments.free(arena.allocate(16)));
        }
        segments.free(s);
        assertThrows(DoubleFreeException.class, () -> segments.free(s));
        assertEquals(List.of(), allocator.checkInvariants());
    }

    @Test
    void aSegmentOutlivingItsSuperSlabThrowsInsteadOfFaulting() {
        SlabSegmentAllocator segments = allocator.segmentAllocator();
        MemorySegment s = segments.allocate(64);
        segments.free(s);
        allocator.currentHeap().close();                    // empty and abandoned: released, unmapped
        assertEquals(0, allocator.stats().superSlabsLive());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.get(ValueLayout.JAVA_LONG, 0));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(UseAfterReleaseException.class, () -> segments.free(s));
    }
}
