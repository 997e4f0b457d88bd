package org.slabproof;

/** A SuperSlab's {@code totalActiveBlocks} would go below zero (invariant I1): a block was freed twice or accounted twice. */
public final class AccountingViolationException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public AccountingViolationException(String message) {
        super(message);
    }

    /** A count driven below zero breaks I1. */
    @Override
    public Invariant invariant() {
        return Invariant.I1;
    }
}
