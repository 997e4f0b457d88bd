package org.slabproof;

/** A free of an address that no SuperSlab of this allocator covers. */
public final class ForeignAddressException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public ForeignAddressException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the low-level cause. */
    public ForeignAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
