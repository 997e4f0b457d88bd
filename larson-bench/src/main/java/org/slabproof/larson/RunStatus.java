package org.slabproof.larson;

import org.slabproof.MappedMemoryExhaustedException;

/** How a Larson run ended, with the process exit status the runner gives it. */
public enum RunStatus {
    /** The run went its full time. */
    OK("ok", 0),
    /** The allocator hit its cap on mapped memory (the seed's ENOMEM). */
    MAPPED_MEMORY_EXHAUSTED("mapped-memory-exhausted", 3),
    /** Any other failure of a worker or of the warmup. */
    FAILED("failed", 1);

    private final String id;
    private final int exitCode;

    RunStatus(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    /** The id used in JSON. */
    public String id() {
        return id;
    }

    /** The runner's exit status for a run that ended this way. */
    public int exitCode() {
        return exitCode;
    }

    /** How a run that ended with {@code failure} (null for none) ended. */
    public static RunStatus of(Throwable failure) {
        return failure == null ? OK
                : failure instanceof MappedMemoryExhaustedException ? MAPPED_MEMORY_EXHAUSTED
                : FAILED;
    }

    /** The error text a result carries for {@code failure}, or null for none. */
    public static String describe(Throwable failure) {
        return failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The status whose {@link #id()} is {@code id}. */
    public static RunStatus fromId(String id) {
        for (RunStatus s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + id + "'");
    }
}
