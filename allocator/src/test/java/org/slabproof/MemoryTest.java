package org.slabproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slabproof.superslab.SuperSlab;

/**
 * SuperSlabs are real mmap regions aligned to their size (1, 2 or 4 MiB), unmapped on release,
 * and unreachable through the allocator afterwards: an access throws, it never faults.
 */
class MemoryTest {
    @ParameterizedTest
    @ValueSource(longs = {1L << 20, 2L << 20, 4L << 20})
    void superSlabsAreMappedAlignedAndUnmappedOnRelease(long size) throws IOException {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().superSlabSize(size).emptyReserve(0)
                .trimInterval(Duration.ZERO).build())) {
            long p = a.malloc(512);
            SuperSlab ss = a.liveSuperSlabs().getFirst();
            assertEquals(0, ss.base() % size, "not aligned to its size");
            assertTrue(p >= ss.base() && p < ss.base() + size);
            assertEquals(size, a.stats().mappedBytes());
            assertTrue(mapped(ss.base()), "region not in /proc/self/maps");

            a.free(p);
            a.currentHeap().close();                        // empty and abandoned: released now
            assertEquals(0, a.stats().mappedBytes());
            assertFalse(mapped(ss.base()), "region still mapped after release");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ss.memory().get(ValueLayout.JAVA_LONG, 0));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertThrows(UseAfterReleaseException.class, () -> a.free(p));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void theEmptyReserveKeepsRegionsMappedForReuse(int reserve) {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().emptyReserve(reserve)
                .trimInterval(Duration.ZERO).build())) {
            a.free(a.malloc(64));
            a.currentHeap().close();
            AllocatorStats s = a.stats();
            assertEquals(1, s.superSlabsFreed());
            assertEquals(Math.min(reserve, 1), s.reservedSuperSlabs());
            assertEquals(Math.min(reserve, 1) * (2L << 20), s.mappedBytes());
        }
    }

    /** True if a mapping in /proc/self/maps starts at {@code base}. */
    private static boolean mapped(long base) throws IOException {
        String prefix = Long.toHexString(base) + "-";
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.startsWith(prefix));
    }
}
