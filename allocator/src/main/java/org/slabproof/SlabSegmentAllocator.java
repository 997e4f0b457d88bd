package org.slabproof;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

import org.slabproof.pool.SuperSlabRegistry;
import org.slabproof.superslab.SizeClasses;
import org.slabproof.superslab.SuperSlab;

/**
 * The allocator as an FFM {@link SegmentAllocator}: {@link #allocate(long, long)} returns a
 * {@link MemorySegment} of exactly the requested size backed by one block, and {@link #free}
 * takes it back. Any thread may allocate and free (through the calling thread's heap, as
 * {@link Allocator#malloc} and {@link Allocator#free} do).
 *
 * <pre>{@code
 * try (Allocator allocator = Allocator.createDefault()) {
 *     SlabSegmentAllocator segments = allocator.segmentAllocator();
 *     MemorySegment point = segments.allocate(ValueLayout.JAVA_INT, 2);
 *     point.setAtIndex(ValueLayout.JAVA_INT, 1, 42);
 *     segments.free(point);
 * }
 * }</pre>
 *
 * <p>Each segment is a slice of its SuperSlab's memory, so it shares the SuperSlab's lifetime: an
 * access through it after the SuperSlab was released (a use after free that outlived the whole
 * SuperSlab) throws {@link IllegalStateException}; it never reaches unmapped memory. Within a live
 * SuperSlab a use after free is the caller's bug, as with {@code malloc}. Bad input gets the
 * exceptions of {@link Allocator}: a size outside 1..1024 {@link InvalidSizeException}, a segment
 * this allocator did not hand out {@link ForeignAddressException} or
 * {@link MisalignedAddressException}, a second free {@link DoubleFreeException}; an alignment that
 * is not a power of two, or above 1024, {@link IllegalArgumentException}.
 */
public final class SlabSegmentAllocator implements SegmentAllocator {
    private final Allocator allocator;
    private final SuperSlabRegistry registry;

    SlabSegmentAllocator(Allocator allocator, SuperSlabRegistry registry) {
        this.allocator = allocator;
        this.registry = registry;
    }

    /**
     * A segment of {@code byteSize} bytes (1..1024) aligned to {@code byteAlignment} (a power of
     * two up to 1024): a block of the smallest size class that holds it and whose block size is a
     * multiple of the alignment.
     */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteAlignment <= 0 || Long.bitCount(byteAlignment) != 1 || byteAlignment > SizeClasses.MAX_SIZE) {
            throw new IllegalArgumentException("alignment " + byteAlignment + " is not a power of two in 1.."
                    + SizeClasses.MAX_SIZE);
        }
        int cls = SizeClasses.classOf(byteSize);                    // InvalidSizeException for bad sizes
        while (SizeClasses.sizeOf(cls) % byteAlignment != 0) {      // slabs start 64 KiB aligned
            cls++;
        }
        long block = allocator.malloc(SizeClasses.sizeOf(cls));
        SuperSlab ss = registry.superSlabOf(block);
        return ss.memory().asSlice(block - ss.base(), byteSize);
    }

    /**
     * Frees a segment returned by {@link #allocate(long, long)} (any thread).
     *
     * @throws ForeignAddressException     when the segment is not in this allocator's memory
     * @throws MisalignedAddressException  when it does not start at a block
     * @throws DoubleFreeException         when its block is not live
     * @throws UseAfterReleaseException    when its SuperSlab was released
     */
    public void free(MemorySegment segment) {
        allocator.free(segment.address());
    }
}
