package org.slabproof.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slabproof.stats.HeapCounters;
import org.slabproof.superslab.FreeProtocol;

/**
 * All open heaps of an allocator, and the reaper that abandons the heaps of threads that exited
 * without closing them (I6: a thread does not have to call anything when it exits). Any thread.
 */
public final class HeapRegistry {
    private final ConcurrentLinkedQueue<ThreadHeap> heaps = new ConcurrentLinkedQueue<>();

    void add(ThreadHeap heap) {
        heaps.add(heap);
    }

    void remove(ThreadHeap heap) {
        heaps.remove(heap);
    }

    /**
     * Closes the heap of every thread that terminated without closing it (any thread), as the
     * protocol's reaper test decides ({@link FreeProtocol#ownerGone}).
     *
     * @return heaps reaped
     */
    public int reapDead(FreeProtocol protocol) {
        int reaped = 0;
        for (ThreadHeap heap : heaps) {
            if (protocol.ownerGone(heap.thread()) && heap.close()) {
                reaped++;
            }
        }
        return reaped;
    }

    /** Open heaps (a snapshot). */
    public List<ThreadHeap> snapshot() {
        return new ArrayList<>(heaps);
    }

    /** Sum of the open heaps' counters (racy reads; see {@link HeapCounters}). */
    public HeapCounters sum() {
        HeapCounters total = new HeapCounters();
        for (ThreadHeap heap : heaps) {
            total.add(heap.counters());
        }
        return total;
    }
}
