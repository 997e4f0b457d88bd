package org.slabproof.larson.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

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
        public BlockTable.View forCurrentThread() {
            return new NettyView(allocator, buffers);
        }
    }

    /**
     * Holds no per-thread state: Netty keeps thread caches only for its own
     * {@code FastThreadLocalThread}s by default ({@code useCacheForAllThreads} is false), and the
     * workers are plain threads, so there is nothing for a view to flush when its thread ends.
     */
    private static final class NettyView extends ThreadView {
        private final PooledByteBufAllocator allocator;
        private final ByteBuf[] buffers;

        NettyView(PooledByteBufAllocator allocator, ByteBuf[] buffers) {
            this.allocator = allocator;
            this.buffers = buffers;
        }

        @Override
        public void allocate(int slot, int size) {
            checkOwner();
            buffers[slot] = allocator.directBuffer(size, size);
        }

        @Override
        public void free(int slot) {
            checkOwner();
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
        public void fill(int slot, int length, byte value) {
            checkFill(length);
            ByteBuf buffer = buffers[slot];
            for (int i = 0; i < length; i++) {
                buffer.setByte(i, value);
            }
        }

        @Override
        public void freeAll() {
            for (int i = 0; i < buffers.length; i++) {
                free(i);
            }
        }

        @Override
        public void close() {
            checkOwner();
        }
    }
}
