package org.slabproof.larson;

import org.slabproof.larson.peer.BlockTable;

/**
 * The body of a Larson worker thread, C's {@code exercise_heap}: replace random blocks of its
 * slice through its own view of the table, then, unless stopped, spawn a successor that takes
 * over the same slice.
 */
final class Worker implements Runnable {
    /** Mallocs between two opaque publications of the counter for the progress line; a power of two. */
    private static final int PUBLISH_EVERY = 1024;

    private final Slot slot;
    private final BlockTable table;
    private final RunControl control;
    private final int minSize;
    private final int range;

    Worker(Slot slot, BlockTable table, RunControl control, int minSize, int maxSize) {
        this.slot = slot;
        this.table = table;
        this.control = control;
        this.minSize = minSize;
        this.range = maxSize - minSize;
    }

    @Override
    public void run() {
        if (control.isStopped()) {
            // A successor that starts after the stop flag does no work, as in larson.cpp.
            return;
        }
        Slot s = slot;
        s.threads++;
        long mallocs = s.mallocs;
        long frees = s.frees;
        long sink = 0;
        // The view is closed when the loop ends, before the successor starts: the thread's blocks
        // are given up as its exit would give them up.
        try (BlockTable.View t = table.forCurrentThread()) {
            Lran2 random = s.random;
            int base = s.base;
            int size = s.size;
            for (long i = 0; i < s.iterationsPerThread; i++) {
                int victim = base + (int) (random.next() % size);
                t.free(victim);
                frees++;
                // C draws no number when min == max; the sequence must match.
                int blockSize = range == 0 ? minSize : minSize + (int) (random.next() % range);
                t.allocate(victim, blockSize);
                mallocs++;
                sink += t.touch(victim);
                if ((mallocs & (PUBLISH_EVERY - 1)) == 0) {
                    s.publish(mallocs);
                }
                if (control.isStopped()) {
                    break;
                }
            }
        } catch (Throwable e) {
            control.fail(e);
        } finally {
            s.mallocs = mallocs;
            s.frees = frees;
            s.sink += sink;
            s.publish(mallocs);
        }
        if (!control.isStopped()) {
            try {
                s.startThread("larson-" + s.index + "-" + s.threads, this);
            } catch (Throwable e) {
                // E.g. "unable to create native thread": a result, not a hang.
                control.fail(e);
            }
        }
    }
}
