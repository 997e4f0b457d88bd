package org.slabproof;

/** An access to a SuperSlab after it was released (unmapped or returned to the empty reserve). */
public final class UseAfterReleaseException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public UseAfterReleaseException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the low-level cause. */
    public UseAfterReleaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** From a correct caller, a touch of a released SuperSlab breaks I4. */
    @Override
    public Invariant invariant() {
        return Invariant.I4;
    }
}
