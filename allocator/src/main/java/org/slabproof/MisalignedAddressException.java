package org.slabproof;

/** A free of an address inside a SuperSlab that is not the start of a handed-out block. */
public final class MisalignedAddressException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public MisalignedAddressException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the low-level cause. */
    public MisalignedAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
