package org.slabproof;

/** A drain found a remote stack longer than its slab's capacity, or a link outside the slab: the stack was corrupted (a bug or a use-after-free by the caller). */
public final class CorruptedRemoteStackException extends AllocatorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what happened. */
    public CorruptedRemoteStackException(String message) {
        super(message);
    }

    /** A corrupted remote stack has lost or duplicated blocks: I2. */
    @Override
    public Invariant invariant() {
        return Invariant.I2;
    }
}
