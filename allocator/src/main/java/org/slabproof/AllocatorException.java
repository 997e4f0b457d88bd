package org.slabproof;

/**
 * Base of every error the allocator reports for bad input or exhausted limits.
 *
 * <p>Whenever one of these is thrown, the allocator's state is exactly as it was before the
 * call: validation happens before any mutation.
 */
public class AllocatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public AllocatorException(String message) {
        super(message);
    }

    /** Creates an exception with the given message and cause. */
    public AllocatorException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The invariant this error stands for when the caller did nothing wrong (a protocol bug
     * rather than bad input), or null for errors that are about the input alone (an invalid size,
     * a foreign or misaligned address).
     */
    public Invariant invariant() {
        return null;
    }
}
