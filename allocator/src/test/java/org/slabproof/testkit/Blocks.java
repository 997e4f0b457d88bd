package org.slabproof.testkit;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes blocks by address, as a C caller would, to check that no operation scribbles
 * on a live block: each block carries a pattern derived from its address.
 */
public final class Blocks {
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private Blocks() {
    }

    /** Fills the first {@code size} bytes (at least 8) of the block with its pattern. */
    public static void stamp(long address, long size) {
        for (long off = 0; off + 8 <= size; off += 8) {
            ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, address + off, pattern(address, off));
        }
    }

    /** True if the block still carries its pattern. */
    public static boolean intact(long address, long size) {
        for (long off = 0; off + 8 <= size; off += 8) {
            if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address + off) != pattern(address, off)) {
                return false;
            }
        }
        return true;
    }

    private static long pattern(long address, long off) {
        return (address + off) * 0x9E3779B97F4A7C15L;
    }
}
