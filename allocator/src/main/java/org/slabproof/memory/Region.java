package org.slabproof.memory;

/**
 * A raw range of native memory, aligned to its own size, that one SuperSlab at a time lives on.
 *
 * @param address   first byte; a multiple of {@code size}
 * @param size      length in bytes, a power of two
 * @param keepAlive what keeps the memory mapped, for sources whose memory is GC-managed
 *                  ({@code null} for mmap regions, which live until unmapped)
 */
public record Region(long address, long size, Object keepAlive) {
    /** Checks the alignment promise. */
    public Region {
        if (Long.bitCount(size) != 1 || (address & (size - 1)) != 0) {
            throw new IllegalArgumentException("region 0x" + Long.toHexString(address)
                    + " is not aligned to its size " + size);
        }
    }
}
