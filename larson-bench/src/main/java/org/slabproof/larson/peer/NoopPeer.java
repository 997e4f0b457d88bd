package org.slabproof.larson.peer;

import java.lang.foreign.Arena;

/**
 * No allocator at all: the harness's own ceiling. malloc returns the calling thread's own small
 * native buffer, free does nothing, so a run measures everything but allocation: the generator,
 * the table, the two bytes written, the counters and the thread hand-overs.
 *
 * <p>One buffer per thread, not one for the process: the bytes every new block gets written would
 * otherwise bounce one cache line between the cores, a cost no real allocator has.
 */
public final class NoopPeer implements Peer {
    /** Enough for every byte a workload writes into a block ({@link BlockTable#MAX_FILL}). */
    private static final long BUFFER_BYTES = BlockTable.MAX_FILL;
    private static final long CACHE_LINE = 64;

    @Override
    public String id() {
        return "noop";
    }

    @Override
    public String description() {
        return "no allocator: malloc returns the thread's own " + BUFFER_BYTES
                + "-byte buffer, free does nothing (the harness's ceiling)";
    }

    @Override
    public BlockTable newTable(int slots) {
        return new Table(slots);
    }

    @Override
    public void close() {
        // Each view frees its buffer when its thread closes it.
    }

    /** Addresses of the views' buffers. */
    private static final class Table extends AddressTable {
        Table(int slots) {
            super(slots);
        }

        @Override
        public BlockTable.View forCurrentThread() {
            return new NoopView(this);
        }
    }

    /** A thread's buffer; every block of the thread is this one address. */
    private static final class NoopView extends AddressTable.View {
        private final Arena arena = Arena.ofConfined();
        private final long buffer = arena.allocate(BUFFER_BYTES, CACHE_LINE).address();

        NoopView(AddressTable table) {
            super(table);
        }

        @Override
        long malloc(long size) {
            checkOwner();
            return buffer;
        }

        @Override
        void release(long address) {
            checkOwner();
        }

        @Override
        public void close() {
            // A confined arena is closed by its owner only: this also checks the thread.
            arena.close();
        }
    }
}
