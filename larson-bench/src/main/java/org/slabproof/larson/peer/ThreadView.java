package org.slabproof.larson.peer;

/**
 * The checks every {@link BlockTable.View} shares: a view is bound to the thread that obtained
 * it, as the reference allocator's thread handle is, and no fill is longer than
 * {@link BlockTable#MAX_FILL}.
 */
abstract class ThreadView implements BlockTable.View {
    private final Thread owner = Thread.currentThread();

    /** Fails for more bytes than any workload writes, which the no-op allocator's buffer could not hold. */
    static void checkFill(int length) {
        if (length > BlockTable.MAX_FILL) {
            throw new IllegalArgumentException("a fill of " + length + " bytes; at most " + BlockTable.MAX_FILL);
        }
    }

    /**
     * Fails unless the calling thread obtained this view. One field load and a compare against
     * the current thread (an intrinsic): cheap enough to keep on the hot path of every peer, so
     * that every peer pays what the reference allocator's handle pays for the same check.
     */
    final void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("a block-table view of " + owner.getName() + " used by "
                    + Thread.currentThread().getName());
        }
    }
}
