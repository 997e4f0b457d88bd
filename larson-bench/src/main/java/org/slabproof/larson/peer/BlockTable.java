package org.slabproof.larson.peer;

/**
 * Larson's global block table ({@code blkp[]} in C) as one peer stores its blocks: a slot holds
 * either nothing or one live block.
 *
 * <p>Each peer has its own table class (an address array, a {@code byte[][]}, a {@code ByteBuf[]}),
 * so that inside one JVM the worker loop calls exactly one implementation and the JIT can inline
 * it; a comparison runs each peer in its own JVM for the same reason. A slice of the table is used
 * by one thread at a time; the table does no locking of its own.
 */
public interface BlockTable {

    /** Allocates a block of {@code size} bytes into the empty {@code slot}. */
    void allocate(int slot, int size);

    /** Frees the block in {@code slot} (a no-op when the slot is empty, like {@code free(NULL)}) and empties it. */
    void free(int slot);

    /** Exchanges two slots, as the warmup's shuffle does. */
    void swap(int a, int b);

    /**
     * Writes {@code 'a'} into byte 0 of the block, reads byte 0 back, writes {@code 'b'} into
     * byte 1, and returns what was read, as larson.cpp's "Write something!" does through
     * {@code volatile} pointers; the caller folds the result into a sink so the read is kept.
     */
    int touch(int slot);

    /** Frees every block still in the table; called once after all workers have ended. */
    void freeAll();
}
