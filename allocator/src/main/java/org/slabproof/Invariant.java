package org.slabproof;

/**
 * The invariants of the cross-thread free protocol, by the names the code, the tests and the
 * reports use. Each allocator error that stands for a broken invariant says which one
 * ({@link AllocatorException#invariant()}).
 */
public enum Invariant {
    /**
     * Accounting: at every quiescent point a SuperSlab's {@code totalActiveBlocks} equals what its
     * accounting policy says (the live blocks, plus the owner's unspent credit under
     * decrement-at-free, plus the blocks pending on remote stacks under decrement-at-drain); it
     * never goes below zero, and under decrement-at-free never reads zero while a block is live.
     */
    I1("accounting"),
    /**
     * No loss: every free block is in exactly one place (a local freelist, a remote stack, or not
     * carved yet); none is lost, none is handed out twice.
     */
    I2("no loss"),
    /** Single zero transition: the count's transition to zero is observed by exactly one thread. */
    I3("single zero transition"),
    /** No touch after release: once a SuperSlab is released, no thread reads or writes its memory. */
    I4("no touch after release"),
    /**
     * Release only when empty and claimed: a SuperSlab is released only by the thread that claimed
     * it (so that nobody can allocate from it) and only while its count is zero; never while it
     * is pinned by its owner.
     */
    I5("release only when empty and claimed"),
    /**
     * Reclamation progresses: blocks whose owner is gone or idle are still drained, and empty
     * SuperSlabs are released by something that actually runs (the zero transition, an owner's
     * slow path, the periodic trimmer), not only at exit.
     */
    I6("reclamation progresses");

    private final String title;

    Invariant(String title) {
        this.title = title;
    }

    /** The short name, e.g. {@code "no loss"}. */
    public String title() {
        return title;
    }

    /**
     * The invariant an error stands for when the caller did nothing wrong, or null when it names
     * none: an allocator error's own ({@link AllocatorException#invariant()}), or I4 for an
     * {@link IllegalStateException} thrown by the FFM runtime because a SuperSlab's memory was
     * closed by its release (the allocator turns the ones it sees into
     * {@link UseAfterReleaseException}). Causes are followed.
     */
    public static Invariant of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AllocatorException e && e.invariant() != null) {
                return e.invariant();
            }
            if (c instanceof IllegalStateException && closedMemory(c)) {
                return I4;
            }
        }
        return null;
    }

    /** Thrown by the FFM runtime's check that a segment's scope is alive. */
    private static boolean closedMemory(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("jdk.internal.foreign.");
    }

    /** {@code "I2 no loss"}: the form every report prints. */
    @Override
    public String toString() {
        return name() + " " + title;
    }
}
