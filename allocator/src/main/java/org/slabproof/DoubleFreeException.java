package org.slabproof;

/** A free of a block that is not live (already freed, or never handed out). */
public final class DoubleFreeException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public DoubleFreeException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the low-level cause. */
    public DoubleFreeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** From a correct caller, a free of a block that is not live means a block was handed out twice or lost: I2. */
    @Override
    public Invariant invariant() {
        return Invariant.I2;
    }
}
