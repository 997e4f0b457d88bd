package org.slabproof.superslab;

import org.slabproof.InvalidSizeException;

/**
 * The size classes: 8..64 in steps of 8, then four classes per doubling up to 1024 (Larson's
 * standard range is 8..1000). Every class is a multiple of 8, so blocks are 8-byte aligned and
 * can hold a link.
 */
public final class SizeClasses {
    private static final int[] SIZES = {
        8, 16, 24, 32, 40, 48, 56, 64,
        80, 96, 112, 128, 160, 192, 224, 256,
        320, 384, 448, 512, 640, 768, 896, 1024,
    };
    /** Largest request served. */
    public static final int MAX_SIZE = SIZES[SIZES.length - 1];
    /** Number of classes. */
    public static final int COUNT = SIZES.length;

    /** Class index by {@code (size + 7) >>> 3}: one load instead of a search on the fast path. */
    private static final byte[] CLASS_BY_EIGHTHS = new byte[(MAX_SIZE >>> 3) + 1];

    static {
        int cls = 0;
        for (int eighths = 1; eighths < CLASS_BY_EIGHTHS.length; eighths++) {
            while (SIZES[cls] < eighths << 3) {
                cls++;
            }
            CLASS_BY_EIGHTHS[eighths] = (byte) cls;
        }
    }

    private SizeClasses() {
    }

    /**
     * The class serving {@code size} bytes.
     *
     * @throws InvalidSizeException when size is not in 1..{@link #MAX_SIZE}
     */
    public static int classOf(long size) {
        if (size <= 0 || size > MAX_SIZE) {
            throw new InvalidSizeException("invalid size " + size + ": the allocator serves 1.." + MAX_SIZE + " bytes");
        }
        return CLASS_BY_EIGHTHS[(int) ((size + 7) >>> 3)];
    }

    /** Block size of class {@code cls}. */
    public static int sizeOf(int cls) {
        return SIZES[cls];
    }
}
