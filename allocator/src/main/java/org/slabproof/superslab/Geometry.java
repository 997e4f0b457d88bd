package org.slabproof.superslab;

/**
 * Sizes of a SuperSlab and its slabs, both powers of two. The allocator uses 2 MiB SuperSlabs of
 * 64 KiB slabs (1 MiB and 4 MiB by configuration, like the seed's {@code HAKMEM_TINY_SS_FORCE_LG});
 * the stress suites use tiny ones (a few slabs of a few blocks) so that collisions are frequent.
 *
 * @param lgSuperSlab log2 of the SuperSlab size
 * @param lgSlab      log2 of the slab size
 */
public record Geometry(int lgSuperSlab, int lgSlab) {
    /** The default: 2 MiB SuperSlabs, 64 KiB slabs, 32 slabs each. */
    public static final Geometry DEFAULT = new Geometry(21, 16);

    /** Checks the bounds that the block-index arithmetic of {@link Slab} relies on. */
    public Geometry {
        if (lgSlab < 5 || lgSlab > 20) {
            throw new IllegalArgumentException("slab size must be 2^5..2^20 bytes, got 2^" + lgSlab);
        }
        if (lgSuperSlab < lgSlab || lgSuperSlab > 26 || lgSuperSlab - lgSlab > 10) {
            throw new IllegalArgumentException("SuperSlab size must be 1..1024 slabs and at most 64 MiB, got 2^"
                    + lgSuperSlab + " with slabs of 2^" + lgSlab);
        }
    }

    /** Geometry from sizes in bytes (each a power of two). */
    public static Geometry ofBytes(long superSlabBytes, long slabBytes) {
        if (Long.bitCount(superSlabBytes) != 1 || Long.bitCount(slabBytes) != 1) {
            throw new IllegalArgumentException("sizes must be powers of two: SuperSlab " + superSlabBytes
                    + ", slab " + slabBytes);
        }
        return new Geometry(Long.numberOfTrailingZeros(superSlabBytes), Long.numberOfTrailingZeros(slabBytes));
    }

    /** Bytes per SuperSlab. */
    public long superSlabSize() {
        return 1L << lgSuperSlab;
    }

    /** Bytes per slab. */
    public int slabSize() {
        return 1 << lgSlab;
    }

    /** Slabs per SuperSlab. */
    public int slabCount() {
        return 1 << (lgSuperSlab - lgSlab);
    }
}
