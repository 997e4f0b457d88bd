package org.slabproof;

/**
 * A SuperSlab's lifecycle step out of order: released or adopted by a thread that does not hold
 * its claim (invariant I5). A protocol bug, never the caller's: the allocator reports it rather
 * than release memory it does not own.
 */
public final class LifecycleViolationException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public LifecycleViolationException(String message) {
        super(message);
    }

    /** A step out of order breaks I5. */
    @Override
    public Invariant invariant() {
        return Invariant.I5;
    }
}
