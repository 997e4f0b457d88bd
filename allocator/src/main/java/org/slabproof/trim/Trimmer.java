package org.slabproof.trim;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slabproof.heap.AbandonedSuperSlabs;
import org.slabproof.heap.HeapRegistry;
import org.slabproof.stats.Counters;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * The periodic trimmer (the seed's {@code hak_tiny_trim}, but on by default: the seed's lesson is
 * that a trim that never runs is a leak). Each pass reaps the heaps of dead threads, then tries to
 * reclaim every abandoned SuperSlab: claim, drain, release if empty, else put it back (I5, I6).
 * {@link #trimOnce()} is also callable directly, from any thread.
 */
public final class Trimmer implements AutoCloseable {
    private final FreeProtocol protocol;
    private final AbandonedSuperSlabs abandoned;
    private final HeapRegistry heaps;
    private final Counters counters;
    private final Thread thread;              // null when periodic trimming is off
    private volatile boolean stopped;

    /** A trimmer; starts a daemon thread when {@code interval} is positive. */
    public Trimmer(FreeProtocol protocol, AbandonedSuperSlabs abandoned, HeapRegistry heaps, Counters counters,
            Duration interval, String name) {
        this.protocol = protocol;
        this.abandoned = abandoned;
        this.heaps = heaps;
        this.counters = counters;
        if (interval.isZero() || interval.isNegative()) {
            this.thread = null;
        } else {
            long nanos = interval.toNanos();
            this.thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> loop(nanos));
            this.thread.start();
        }
    }

    private void loop(long nanos) {
        while (!stopped) {
            LockSupport.parkNanos(this, nanos);
            if (!stopped) {
                trimOnce();
            }
        }
    }

    /**
     * One pass over the abandoned SuperSlabs present when it starts.
     *
     * @return SuperSlabs released by this pass
     */
    public int trimOnce() {
        counters.trims.increment();
        heaps.reapDead();
        int released = 0;
        for (int n = abandoned.size(); n > 0; n--) {
            SuperSlab ss = abandoned.poll();
            if (ss == null) {
                break;
            }
            if (ss.state() != SuperSlab.ABANDONED) {
                continue;                           // adopted or released since it was queued
            }
            if (protocol.reclaim(ss)) {
                released++;
            } else if (ss.state() == SuperSlab.ABANDONED) {
                abandoned.offer(ss);
            }
        }
        counters.trimReleases.add(released);
        return released;
    }

    /** Stops the periodic thread and waits for it. */
    @Override
    public void close() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
