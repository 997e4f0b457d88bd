package org.slabproof.pool;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.superslab.SuperSlab;

/**
 * Abandoned SuperSlabs waiting for an adopter (I6: a dead or departed owner's blocks stay
 * reachable). Any thread.
 *
 * <p>Implementation notes. Each SuperSlab is queued at most once: {@link #offer} sets its queued
 * flag by CAS and a taker clears it before it tries to claim. So an ABANDONED SuperSlab is either
 * queued or in the hands of a taker that is about to claim it, and a claimant that gives it back
 * later queues it again. Entries may be stale (adopted or released since); takers claim by CAS
 * and drop an entry whose claim fails, and the trimmer purges stale entries each pass.
 */
public final class AbandonedSuperSlabs {
    private final ConcurrentLinkedQueue<SuperSlab> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();   // approximate: lags by in-flight calls

    /** Queues an abandoned SuperSlab unless it is queued already (any thread). */
    public void offer(SuperSlab ss) {
        if (ss.markQueued()) {
            queue.offer(ss);
            size.incrementAndGet();
        }
    }

    /** Takes the oldest entry and clears its queued flag, or returns null (any thread). */
    public SuperSlab poll() {
        SuperSlab ss = queue.poll();
        if (ss != null) {
            size.decrementAndGet();
            ss.clearQueued();
        }
        return ss;
    }

    /**
     * Drops the entries that are no longer ABANDONED (adopted or released since they were queued),
     * looking at most at the entries present when it starts (the trimmer, once per pass).
     *
     * @return entries dropped
     */
    public int purge() {
        int dropped = 0;
        for (int n = size(); n > 0; n--) {
            SuperSlab ss = poll();
            if (ss == null) {
                break;
            }
            if (ss.kind() == SuperSlab.ABANDONED) {
                offer(ss);
            } else {
                dropped++;
            }
        }
        return dropped;
    }

    /** Approximate number of entries. */
    public int size() {
        return Math.max(0, size.get());
    }
}
