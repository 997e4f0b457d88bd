package org.slabproof.larson.peer;

/**
 * Larson's global block table ({@code blkp[]} in C) as one peer stores its blocks: a slot holds
 * either nothing or one live block. Threads reach it through a {@link View} of their own.
 *
 * <p>Each peer has its own table and view classes (an address array, a {@code byte[][]}, a
 * {@code ByteBuf[]}), so that inside one JVM the worker loop calls exactly one implementation and
 * the JIT can inline it; a comparison runs each peer in its own JVM for the same reason. A slice
 * of the table is used by one thread at a time; the table does no locking of its own.
 */
public interface BlockTable {
    /** The most bytes {@link View#fill} writes: xmalloc-test's memset stops at 128. */
    int MAX_FILL = 128;

    /**
     * A view of the table for the calling thread, which keeps it for its whole life and closes it
     * when it ends. Peers keep per-thread state in it (the reference allocator's thread handle, the
     * no-op allocator's buffer), so the worker loop needs no thread-local lookup.
     */
    View forCurrentThread();

    /**
     * One thread's access to the table. Every method may be called only by the thread that
     * obtained the view; {@link #allocate}, {@link #free} and {@link #close} check it, and another
     * thread gets {@link WrongThreadException}.
     */
    interface View extends AutoCloseable {

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

        /** Writes {@code value} into the first {@code length} ({@code <=} {@link #MAX_FILL}) bytes of the block, as xmalloc-test's memset does. */
        void fill(int slot, int length, byte value);

        /** Frees every block still in the table; called once, after every other view was closed. */
        void freeAll();

        /** Gives up the thread's per-thread state (for the reference allocator: its SuperSlabs, at once). */
        @Override
        void close();
    }
}
