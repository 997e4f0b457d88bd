package org.slabproof.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcalls to Linux {@code mmap}, {@code munmap} and {@code madvise} through FFM, with errno
 * captured so that a refusal is reported as the kernel said it.
 */
@SuppressWarnings("restricted")     // the downcalls are the point of this class
final class Mman {
    static final int PROT_READ = 0x1;
    static final int PROT_WRITE = 0x2;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_NORESERVE = 0x4000;
    static final int MADV_DONTNEED = 4;
    private static final long MAP_FAILED = -1L;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle MMAP = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("mmap"),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
            CAPTURE_ERRNO);
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("munmap"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            CAPTURE_ERRNO);
    private static final MethodHandle MADVISE = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("madvise"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT),
            CAPTURE_ERRNO);

    private Mman() {
    }

    /** Anonymous private read-write mapping of {@code length} bytes anywhere. */
    static long mmapAnonymous(long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            long address = (long) MMAP.invokeExact(state, 0L, length, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (address == MAP_FAILED) {
                throw new NativeMemoryException("mmap(" + length + ") failed", (int) ERRNO.get(state, 0L));
            }
            return address;
        } catch (NativeMemoryException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall failed", t);
        }
    }

    static void munmap(long address, long length) {
        if (length == 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) MUNMAP.invokeExact(state, address, length);
            if (rc != 0) {
                throw new NativeMemoryException("munmap(0x" + Long.toHexString(address) + ", " + length + ") failed",
                        (int) ERRNO.get(state, 0L));
            }
        } catch (NativeMemoryException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap downcall failed", t);
        }
    }

    /** Drops the pages' contents (they read as zero afterwards); used for regions kept in reserve. */
    static void dontNeed(long address, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) MADVISE.invokeExact(state, address, length, MADV_DONTNEED);
            if (rc != 0) {
                throw new NativeMemoryException("madvise(DONTNEED) failed", (int) ERRNO.get(state, 0L));
            }
        } catch (NativeMemoryException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("madvise downcall failed", t);
        }
    }
}
