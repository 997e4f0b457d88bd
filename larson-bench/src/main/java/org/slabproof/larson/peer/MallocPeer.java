package org.slabproof.larson.peer;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The process's C {@code malloc}/{@code free} called through FFM downcalls: glibc by default, or
 * whatever malloc is {@code LD_PRELOAD}ed into the JVM (mimalloc, tcmalloc, ...).
 *
 * <p>The downcalls are linked as critical functions, the cheapest call FFM offers (no thread
 * state transition): malloc and free return quickly and never call back into Java, which is what
 * that option requires, so this is the fastest way a Java program can use the native allocator.
 */
public final class MallocPeer implements Peer {
    private static final MethodHandle MALLOC;
    private static final MethodHandle FREE;

    static {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        Linker.Option critical = Linker.Option.critical(false);
        MALLOC = linker.downcallHandle(libc.find("malloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), critical);
        FREE = linker.downcallHandle(libc.find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), critical);
    }

    @Override
    public String id() {
        return "malloc";
    }

    @Override
    public String description() {
        String preload = System.getenv("LD_PRELOAD");
        return "C malloc/free through FFM critical downcalls"
                + (preload == null || preload.isBlank() ? " (the C library's malloc)" : " (LD_PRELOAD=" + preload + ")");
    }

    @Override
    public BlockTable newTable(int slots) {
        return new Table(slots);
    }

    @Override
    public void close() {
        // Nothing to release: the table's blocks were freed, and the C heap belongs to the process.
    }

    /** Addresses from the C heap. */
    private static final class Table extends AddressTable {
        Table(int slots) {
            super(slots);
        }

        @Override
        public BlockTable.View forCurrentThread() {
            return new MallocView(this);
        }
    }

    /**
     * Calls the native allocator directly; larson.cpp's {@code CUSTOM_MALLOC}/{@code CUSTOM_FREE}.
     * malloc keeps whatever per-thread state it has itself, so the view holds none.
     */
    private static final class MallocView extends AddressTable.View {
        MallocView(AddressTable table) {
            super(table);
        }

        @Override
        long malloc(long size) {
            checkOwner();
            long address;
            try {
                address = (long) MALLOC.invokeExact(size);
            } catch (Throwable t) {
                throw new IllegalStateException("malloc downcall failed", t);
            }
            if (address == 0) {
                throw new OutOfMemoryError("malloc(" + size + ") returned NULL");
            }
            return address;
        }

        @Override
        void release(long address) {
            checkOwner();
            try {
                FREE.invokeExact(address);
            } catch (Throwable t) {
                throw new IllegalStateException("free downcall failed", t);
            }
        }

        @Override
        public void close() {
            checkOwner();
        }
    }
}
