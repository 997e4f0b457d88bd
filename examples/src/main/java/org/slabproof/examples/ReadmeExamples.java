package org.slabproof.examples;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

import org.slabproof.AccountingPolicy;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.AllocatorStats;
import org.slabproof.SlabSegmentAllocator;
import org.slabproof.ThreadHeapHandle;

/**
 * The examples of the project's README, as code that compiles against the exported API only and
 * that tests run. The text between a {@code // README: name} line and the next
 * {@code // README: end} line appears verbatim in the README (a test checks it).
 */
@SuppressWarnings("restricted")         // raw addresses are read as a C caller would: reinterpret
public final class ReadmeExamples {
    private ReadmeExamples() {
    }

    /** Raw addresses, as a C caller would use them; returns the stats after the free. */
    public static AllocatorStats rawAddresses() {
        // README: raw
        try (Allocator a = Allocator.create(AllocatorConfig.builder()
                .policy(AccountingPolicy.DECREMENT_AT_DRAIN)   // default DECREMENT_AT_FREE
                .superSlabSize(4 << 20)                        // 1, 2 (default) or 4 MiB
                .maxMappedBytes(1L << 30)                      // cap, default none
                .checked(true)                                 // exact double-free detection
                .trimInterval(Duration.ofMillis(10))           // the trimmer (default 10 ms; ZERO: off)
                .build())) {
            long p = a.malloc(100);        // any thread; 1..1024 bytes; an absolute native address
            MemorySegment.ofAddress(p).reinterpret(100).fill((byte) 7);
            a.free(p);                     // any thread; 0 is a no-op
            AllocatorStats s = a.stats();  // s.superSlabLine(): "superslabs: allocated=.. freed=.. live=.."
            // README: end
            return s;
        }
    }

    /** The per-thread handle: no thread-local lookup per call; returns the sum of what it read back. */
    public static long threadHandle() {
        try (Allocator a = Allocator.createDefault()) {
            // README: handle
            long sum = 0;
            try (ThreadHeapHandle heap = a.attachThread()) {  // this thread only
                for (int i = 0; i < 1_000; i++) {
                    long p = heap.malloc(64);
                    MemorySegment.ofAddress(p).reinterpret(64).set(ValueLayout.JAVA_LONG, 0, i);
                    sum += MemorySegment.ofAddress(p).reinterpret(64).get(ValueLayout.JAVA_LONG, 0);
                    heap.free(p);
                }
            }                                                  // close: gives the thread's SuperSlabs up now
            // README: end
            return sum;
        }
    }

    /** The allocator as an FFM SegmentAllocator; returns what the segment held. */
    public static int segments() {
        try (Allocator allocator = Allocator.createDefault()) {
            // README: segments
            SlabSegmentAllocator segments = allocator.segmentAllocator();
            MemorySegment point = segments.allocate(ValueLayout.JAVA_INT, 2);   // 8 bytes, int-aligned
            point.setAtIndex(ValueLayout.JAVA_INT, 0, 3);
            point.setAtIndex(ValueLayout.JAVA_INT, 1, 4);
            int x = point.getAtIndex(ValueLayout.JAVA_INT, 0);
            int y = point.getAtIndex(ValueLayout.JAVA_INT, 1);
            segments.free(point);
            // README: end
            return x * 10 + y;
        }
    }
}
