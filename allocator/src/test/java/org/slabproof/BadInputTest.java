package org.slabproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slabproof.testkit.Blocks;
import org.slabproof.testkit.Threads;

/**
 * Bad input gets a specific exception and loses nothing: after every rejected call the counters,
 * the invariants and the contents of every live block are exactly as before.
 */
class BadInputTest {
    private Allocator allocator;
    private final List<long[]> live = new ArrayList<>();   // {address, size}

    private Allocator open(boolean checked) {
        allocator = Allocator.create(AllocatorConfig.builder().checked(checked).trimInterval(Duration.ZERO)
                .emptyReserve(0).build());
        for (int size : new int[] {8, 16, 100, 1024}) {
            long p = allocator.malloc(size);
            Blocks.stamp(p, size);
            live.add(new long[] {p, size});
        }
        return allocator;
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    /** Runs the bad call, expects {@code type}, and checks that nothing changed. */
    private <T extends AllocatorException> T rejects(Class<T> type, Executable call) {
        AllocatorStats before = allocator.stats();
        T e = assertThrows(type, call);
        assertEquals(before, allocator.stats(), "a rejected call changed the counters");
        assertEquals(List.of(), allocator.checkInvariants());
        for (long[] block : live) {
            assertTrue(Blocks.intact(block[0], block[1]), "a rejected call scribbled on a live block");
        }
        return e;
    }

    @Test
    void sizesOutsideOneTo1024AreRejected() {
        open(false);
        for (long size : new long[] {0, -1, 1025, Long.MAX_VALUE, Long.MIN_VALUE}) {
            InvalidSizeException e = rejects(InvalidSizeException.class, () -> allocator.malloc(size));
            assertTrue(e.getMessage().contains(Long.toString(size)), e.getMessage());
        }
    }

    @Test
    void freeOfNullIsANoOp() {
        open(false);
        AllocatorStats before = allocator.stats();
        allocator.free(0);
        assertEquals(before, allocator.stats());
    }

    @Test
    void foreignAddressesAreRejected() {
        open(false);
        try (Arena arena = Arena.ofConfined()) {
            long elsewhere = arena.allocate(64).address();
            rejects(ForeignAddressException.class, () -> allocator.free(elsewhere));
        }
        rejects(ForeignAddressException.class, () -> allocator.free(8));
        rejects(ForeignAddressException.class, () -> allocator.free(-8));
        rejects(ForeignAddressException.class, () -> allocator.free(1L << 50));
    }

    @Test
    void addressesThatAreNotABlockStartAreRejected() {
        open(false);
        long p = live.get(1)[0];                                    // a 16-byte block
        rejects(MisalignedAddressException.class, () -> allocator.free(p + 1));
        rejects(MisalignedAddressException.class, () -> allocator.free(p + 8));
        long unusedSlab = allocator.liveSuperSlabs().getFirst().base()
                + (long) (allocator.liveSuperSlabs().getFirst().slabCount() - 1) * allocator.config().slabSize();
        rejects(MisalignedAddressException.class, () -> allocator.free(unusedSlab));
    }

    @Test
    void aBlockNeverHandedOutIsNotLive() {
        open(false);
        long p = live.get(1)[0];
        rejects(DoubleFreeException.class, () -> allocator.free(p + 16 * 100));
    }

    @Test
    void doubleFreesAreAlwaysCaughtInCheckedMode() {
        open(true);
        long a = allocator.malloc(32);
        long b = allocator.malloc(32);
        allocator.free(a);
        allocator.free(b);
        rejects(DoubleFreeException.class, () -> allocator.free(a));     // not the freelist head: needs the live bit
        long c = allocator.malloc(48);
        Threads.runOnNewThread(() -> allocator.free(c));                 // remote free
        Threads.runOnNewThread(() -> rejects(DoubleFreeException.class, () -> allocator.free(c)));
    }

    @Test
    void immediateDoubleFreesAreCaughtInDefaultMode() {
        open(false);
        long a = allocator.malloc(32);
        allocator.free(a);
        rejects(DoubleFreeException.class, () -> allocator.free(a));     // head of the local freelist
        long b = allocator.malloc(48);
        Threads.runOnNewThread(() -> {
            allocator.free(b);
            rejects(DoubleFreeException.class, () -> allocator.free(b)); // head of the remote stack
        });
    }

    @Test
    void freeAfterReleaseIsReported() {
        open(false);
        long p = live.get(0)[0];
        for (long[] block : live) {
            allocator.free(block[0]);
        }
        live.clear();
        allocator.currentHeap().close();                                 // abandon: empty, so released
        assertEquals(0, allocator.stats().superSlabsLive());
        UseAfterReleaseException e = rejects(UseAfterReleaseException.class, () -> allocator.free(p));
        assertTrue(e.getMessage().contains("released"), e.getMessage());
    }

    @Test
    void theMappedMemoryCapThrowsWithTheSeedsCountersAndLosesNothing() {
        allocator = Allocator.create(AllocatorConfig.builder().maxMappedBytes(4L << 20).trimInterval(Duration.ZERO)
                .build());
        List<Long> blocks = new ArrayList<>();
        MappedMemoryExhaustedException e = assertThrows(MappedMemoryExhaustedException.class, () -> {
            while (true) {
                long p = allocator.malloc(1024);
                Blocks.stamp(p, 1024);
                blocks.add(p);
            }
        });
        assertTrue(e.getMessage().contains("superslabs: allocated=2 freed=0 live=2"), e.getMessage());
        assertEquals(2, e.stats().superSlabsLive());
        assertEquals(4L << 20, e.stats().mappedBytesPeak(), "a refused mapping must not move the peak past the cap");
        assertEquals(List.of(), allocator.checkInvariants());
        for (long p : blocks) {
            assertTrue(Blocks.intact(p, 1024));
            allocator.free(p);
        }
        assertEquals(0, allocator.stats().activeBlocks());
        long again = allocator.malloc(1024);                             // usable again after freeing
        allocator.free(again);
    }

    @Test
    void misuseByOneThreadNeverTouchesAnotherThreadsBlocks() {
        open(true);
        long victim = live.get(2)[0];                                     // 100-byte class (112)
        Threads.runOnNewThread(() -> {
            for (long bad : new long[] {victim + 8, victim + 1, victim + 112 * 50}) {
                assertThrows(AllocatorException.class, () -> allocator.free(bad));
            }
        });
        for (long[] block : live) {
            assertTrue(Blocks.intact(block[0], block[1]));
        }
        assertEquals(List.of(), allocator.checkInvariants());
    }
}
