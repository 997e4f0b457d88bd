package org.slabproof.larson.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;

/**
 * Netty's {@link PooledByteBufAllocator} handing out direct buffers, each released by whichever
 * thread frees it, which in Larson is usually not the thread that allocated it.
 *
 * <p>A fresh allocator per run (with Netty's default settings, as a user gets them) keeps one
 * run's arenas and thread caches from carrying into the next.
 */
public final class NettyPeer implements Peer {
    private final PooledByteBufAllocator allocator = new PooledByteBufAllocator(true);

    @Override
    public String id() {
        return "netty";
    }

    @Override
    public String description() {
        return "Netty PooledByteBufAllocator direct buffers (" + allocator.numDirectArenas() + " direct arenas, "
                + "thread caches for all threads: " + PooledByteBufAllocator.defaultUseCacheForAllThreads() + ")";
    }

    @Override
    public BlockTable newTable(int slots) {
        return new Table(allocator, slots);
    }

    @Override
    public void close() {
        // PooledByteBufAllocator has no close; its chunks are reclaimed with the buffers' cleaners.
    }

    /** Pooled direct buffers; an empty slot is null. */
    private static final class Table implements BlockTable {
        private final PooledByteBufAllocator allocator;
        private final ByteBuf[] buffers;

        Table(PooledByteBufAllocator allocator, int slots) {
            this.allocator = allocator;
            this.buffers = new ByteBuf[slots];
        }

        @Override
        public void allocate(int slot, int size) {
            buffers[slot] = allocator.directBuffer(size, size);
        }

        @Override
        public void free(int slot) {
            ByteBuf buffer = buffers[slot];
            if (buffer != null) {
                buffers[slot] = null;
                buffer.release();
            }
        }

        @Override
        public void swap(int a, int b) {
            ByteBuf t = buffers[a];
            buffers[a] = buffers[b];
            buffers[b] = t;
        }

        @Override
        public int touch(int slot) {
            ByteBuf buffer = buffers[slot];
            buffer.setByte(0, 'a');
            byte read = buffer.getByte(0);
            buffer.setByte(1, 'b');
            return read;
        }

        @Override
        public void freeAll() {
            for (int i = 0; i < buffers.length; i++) {
                free(i);
            }
            Arrays.fill(buffers, null);
        }
    }
}
