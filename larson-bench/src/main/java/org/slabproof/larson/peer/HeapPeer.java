package org.slabproof.larson.peer;

import java.util.Arrays;

/**
 * The JVM's own allocator: {@code new byte[size]}, and a free is dropping the reference for the
 * garbage collector (the collector and heap size are whatever the launching JVM was given).
 */
public final class HeapPeer implements Peer {

    @Override
    public String id() {
        return "heap";
    }

    @Override
    public String description() {
        return "new byte[] on the Java heap, freed by the garbage collector (max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)";
    }

    @Override
    public BlockTable newTable(int slots) {
        return new Table(slots);
    }

    @Override
    public void close() {
        // The garbage collector owns everything.
    }

    /** Arrays of bytes; an empty slot is null. */
    private static final class Table implements BlockTable {
        private final byte[][] blocks;

        Table(int slots) {
            this.blocks = new byte[slots][];
        }

        @Override
        public BlockTable.View forCurrentThread() {
            return new HeapView(blocks);
        }
    }

    /** The Java heap has no per-thread state a view could hold (TLABs are the JVM's own). */
    private static final class HeapView extends ThreadView {
        private final byte[][] blocks;

        HeapView(byte[][] blocks) {
            this.blocks = blocks;
        }

        @Override
        public void allocate(int slot, int size) {
            checkOwner();
            blocks[slot] = new byte[size];
        }

        @Override
        public void free(int slot) {
            checkOwner();
            blocks[slot] = null;
        }

        @Override
        public void swap(int a, int b) {
            byte[] t = blocks[a];
            blocks[a] = blocks[b];
            blocks[b] = t;
        }

        @Override
        public int touch(int slot) {
            byte[] block = blocks[slot];
            block[0] = 'a';
            byte read = block[0];
            block[1] = 'b';
            return read;
        }

        @Override
        public void fill(int slot, int length, byte value) {
            checkFill(length);
            Arrays.fill(blocks[slot], 0, length, value);
        }

        @Override
        public void freeAll() {
            Arrays.fill(blocks, null);
        }

        @Override
        public void close() {
            checkOwner();
        }
    }
}
