package org.slabproof.larson;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One worker's place and its counters: for Larson a slice of the table, C's {@code thread_data},
 * which outlives the threads that work on it; each thread hands it to the successor it spawns, so
 * one slot is used by one thread at a time and {@link Thread#start()} orders each hand-over. For
 * xmalloc one producer or consumer thread.
 */
final class Slot {
    private static final VarHandle PUBLISHED_MALLOCS;

    static {
        try {
            PUBLISHED_MALLOCS = MethodHandles.lookup().findVarHandle(Slot.class, "publishedMallocs", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int index;
    /** First table slot of this slice. */
    final int base;
    /** Slots in the slice ({@code asize} in C). */
    final int size;
    /** Larson: iterations per thread, {@code rounds * chunks_per_thread} ({@code NumBlocks} in C); xmalloc: a producer's batches. */
    final long iterationsPerThread;
    /** The slice's generator: it carries on from thread to successor, as C's {@code pdea->rgen} does. */
    final Lran2 random;

    // Owned by the slot's current thread; read by the main thread only after joining the chain.
    long mallocs;
    long frees;
    long threads;
    long sink;

    /** The slot's current thread; the last one that ran once the chain has ended. */
    private volatile Thread current;

    /** A running copy of {@link #mallocs} for the progress line; written with opaque stores. */
    @SuppressWarnings("unused")
    private long publishedMallocs;

    Slot(int index, int base, int size, long iterationsPerThread, Lran2 random) {
        this.index = index;
        this.base = base;
        this.size = size;
        this.iterationsPerThread = iterationsPerThread;
        this.random = random;
    }

    /** Starts a thread named {@code name} running {@code work} on this slot and makes it the current one. */
    void startThread(String name, Runnable work) {
        Thread t = Thread.ofPlatform()
                .name(name)
                // Daemon: a run that failed must not keep the JVM alive with a stray worker.
                .daemon(true)
                .start(work);
        // Set only once started: joining a thread that has not started yet returns at once.
        current = t;
    }

    /** Waits until the slot's last thread has ended, following successors as they are spawned. */
    void joinChain() throws InterruptedException {
        while (true) {
            Thread t = current;
            if (t == null) {
                return;
            }
            t.join();
            // A thread sets its successor before it ends, so after join() this read is final for t.
            if (current == t) {
                return;
            }
        }
    }

    /** Makes {@code mallocs} visible to the telemetry sampler without a fence on the hot path. */
    void publish(long mallocsSoFar) {
        PUBLISHED_MALLOCS.setOpaque(this, mallocsSoFar);
    }

    /** Mallocs published so far; may lag by up to one publishing interval. */
    long publishedMallocs() {
        return (long) PUBLISHED_MALLOCS.getOpaque(this);
    }

    /** The sum of {@link #publishedMallocs()} over the slots created so far (null entries are not yet). */
    static long publishedMallocs(Slot[] slots) {
        long sum = 0;
        for (Slot slot : slots) {
            if (slot != null) {
                sum += slot.publishedMallocs();
            }
        }
        return sum;
    }
}
