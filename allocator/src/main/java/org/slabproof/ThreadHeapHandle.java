package org.slabproof;

/**
 * The calling thread's own heap of an allocator, as a handle: {@link #malloc} and {@link #free}
 * without the thread-local lookup that {@link Allocator#malloc} and {@link Allocator#free} pay on
 * every call, and {@link #close} to give the thread's SuperSlabs up at a point of its choosing
 * (the reaper would do it after the thread exits anyway).
 *
 * <p>Thread rule: only the thread that called {@link Allocator#attachThread()} may use the
 * handle; any other thread gets a {@link WrongThreadException} and changes nothing. After
 * {@link #close}, {@code malloc} and {@code free} throw {@link IllegalStateException}; a later
 * {@link Allocator#malloc} by the same thread opens a new heap. Every bad input gets the same
 * exception as through {@link Allocator}.
 */
public interface ThreadHeapHandle extends AutoCloseable {
    /**
     * Allocates {@code size} bytes (1..1024), as {@link Allocator#malloc}.
     *
     * @throws WrongThreadException  when called by a thread other than the one that attached
     * @throws IllegalStateException after {@link #close}
     */
    long malloc(long size);

    /**
     * Frees a block of this allocator, allocated by any thread, as {@link Allocator#free}.
     *
     * @throws WrongThreadException  when called by a thread other than the one that attached
     * @throws IllegalStateException after {@link #close}
     */
    void free(long address);

    /**
     * Abandons this thread's SuperSlabs now: empty ones are released, the others queued for
     * adoption and the trimmer. Idempotent.
     *
     * @throws WrongThreadException when called by a thread other than the one that attached
     */
    @Override
    void close();
}
