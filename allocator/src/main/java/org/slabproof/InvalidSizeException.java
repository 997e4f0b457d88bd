package org.slabproof;

/** A request size that is not positive or is above the largest size class. */
public final class InvalidSizeException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public InvalidSizeException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the low-level cause. */
    public InvalidSizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
