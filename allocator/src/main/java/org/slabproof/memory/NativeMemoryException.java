package org.slabproof.memory;

/** The operating system refused a mapping call (mmap or munmap); carries errno. */
public final class NativeMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** errno as reported by the failing call. */
    private final int errno;

    /** Creates the exception for a failed call and its errno. */
    public NativeMemoryException(String message, int errno) {
        super(message + " (errno=" + errno + (errno == 12 ? ", ENOMEM" : "") + ")");
        this.errno = errno;
    }

    /** errno as reported by the failing call. */
    public int errno() {
        return errno;
    }
}
