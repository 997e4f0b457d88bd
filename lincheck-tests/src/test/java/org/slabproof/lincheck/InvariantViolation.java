package org.slabproof.lincheck;

/**
 * An invariant of the protocol (I1..I6) found broken by a scenario's check. The message starts
 * with the invariant's name, so that a Lincheck report says which one at a glance.
 */
public final class InvariantViolation extends IllegalStateException {
    /** A violation described by {@code message} ("I2: ..."). */
    public InvariantViolation(String message) {
        super(message);
    }
}
