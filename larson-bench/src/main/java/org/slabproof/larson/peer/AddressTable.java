package org.slabproof.larson.peer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A block table of absolute native addresses, as C keeps {@code char *blkp[]}; 0 is an empty slot.
 * Each native peer supplies a {@link View} subclass with its own malloc and free.
 */
abstract class AddressTable implements BlockTable {
    /** Every address, like a C pointer: bounds checks against it are constant-folded away. */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    final long[] addresses;

    AddressTable(int slots) {
        this.addresses = new long[slots];
    }

    /**
     * One thread's view of an address table. The two bytes are written through one segment
     * spanning the whole address space, which is what a C pointer store is: no per-block segment
     * object is created on the hot path.
     */
    abstract static class View extends ThreadView {
        private final long[] addresses;

        View(AddressTable table) {
            this.addresses = table.addresses;
        }

        /**
         * Allocates {@code size} bytes and returns the block's address (never 0); fails with
         * {@link WrongThreadException} on any thread but the view's (the allocator's own handle
         * checks that for the reference allocator, {@link #checkOwner()} for the others).
         */
        abstract long malloc(long size);

        /** Frees a block returned by {@link #malloc(long)} of any view of the same table; checks the thread as malloc does. */
        abstract void release(long address);

        @Override
        public final void allocate(int slot, int size) {
            addresses[slot] = malloc(size);
        }

        @Override
        public final void free(int slot) {
            long address = addresses[slot];
            if (address != 0) {
                // Emptied first: if the next malloc throws, cleanup must not free this block again.
                addresses[slot] = 0;
                release(address);
            }
        }

        @Override
        public final void swap(int a, int b) {
            long t = addresses[a];
            addresses[a] = addresses[b];
            addresses[b] = t;
        }

        @Override
        public final int touch(int slot) {
            long address = addresses[slot];
            EVERYTHING.set(ValueLayout.JAVA_BYTE, address, (byte) 'a');
            byte read = EVERYTHING.get(ValueLayout.JAVA_BYTE, address);
            EVERYTHING.set(ValueLayout.JAVA_BYTE, address + 1, (byte) 'b');
            return read;
        }

        @Override
        public final void fill(int slot, int length, byte value) {
            checkFill(length);
            EVERYTHING.asSlice(addresses[slot], length).fill(value);
        }

        @Override
        public final void freeAll() {
            for (int i = 0; i < addresses.length; i++) {
                free(i);
            }
        }
    }
}
