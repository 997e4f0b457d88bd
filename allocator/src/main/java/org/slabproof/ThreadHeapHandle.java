package org.slabproof;

/**
 * The calling thread's attachment to an allocator, for threads that want to give their
 * SuperSlabs up at a point of their choosing. Closing it abandons the thread's SuperSlabs now
 * (the reaper would do it after the thread exits anyway); a later malloc by the same thread opens
 * a new heap.
 */
public interface ThreadHeapHandle extends AutoCloseable {
    /** Abandons this thread's SuperSlabs (the thread that attached only). */
    @Override
    void close();
}
