package org.slabproof.trim;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slabproof.heap.HeapRegistry;
import org.slabproof.pool.SuperSlabPool;
import org.slabproof.stats.Counters;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * The periodic trimmer (the seed's {@code hak_tiny_trim}, but on by default, and the seed's
 * Option G: "periodically drain remote queues, update total_active_blocks, return empty
 * SuperSlabs to the OS"). Each pass reaps the heaps of dead threads, reclaims every IDLE or
 * ABANDONED SuperSlab that {@link FreeProtocol#looksEmpty looks empty} (claim, drain, release if
 * empty, else give back: I5, I6), even while its owner lives, drops stale entries of the abandoned
 * queue, and gives the pages of long-unused reserve regions back to the kernel.
 * {@link #trimOnce()} is also callable directly, from any thread.
 *
 * <p>It never touches a pinned (OWNED) SuperSlab: what an owner holds for its current slabs is
 * the owner's until it unpins it, so the owner's fast path needs no atomic step.
 */
public final class Trimmer implements AutoCloseable {
    private final FreeProtocol protocol;
    private final SuperSlabPool pool;
    private final HeapRegistry heaps;
    private final Counters counters;
    private final long reserveIdleNanos;      // how long a reserve region stays resident unused
    private final Thread thread;              // null when periodic trimming is off
    private final Object periodicPass = new Object();   // held by the periodic thread for each pass
    private volatile boolean stopped;

    /**
     * A trimmer; starts a daemon thread when {@code interval} is positive.
     *
     * @param reserveIdle how long a region may sit unused in the empty reserve before its pages
     *                    are given back
     */
    public Trimmer(FreeProtocol protocol, SuperSlabPool pool, HeapRegistry heaps, Counters counters,
            Duration interval, Duration reserveIdle, String name) {
        this.protocol = protocol;
        this.pool = pool;
        this.heaps = heaps;
        this.counters = counters;
        this.reserveIdleNanos = reserveIdle.toNanos();
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
                synchronized (periodicPass) {
                    trimOnce();
                }
            }
        }
    }

    /**
     * One pass over the live SuperSlabs.
     *
     * @return SuperSlabs released by this pass
     */
    public int trimOnce() {
        counters.trims.increment();
        heaps.reapDead(protocol);
        int released = 0;
        for (SuperSlab ss : pool.live()) {
            int kind = ss.kind();
            if ((kind == SuperSlab.IDLE || kind == SuperSlab.ABANDONED) && protocol.looksEmpty(ss)
                    && protocol.reclaim(ss)) {
                released++;
            }
        }
        pool.abandonedQueue().purge();
        pool.decommitIdleReserve(reserveIdleNanos);
        return released;
    }

    /**
     * Runs {@code work} between two passes of the periodic thread, so that no pass claims, drains
     * or releases a SuperSlab meanwhile (a whole-allocator check at a quiescent point: the
     * application's threads are quiet, the trimmer thread is not). Direct calls of
     * {@link #trimOnce()} are the caller's to order.
     */
    public <T> T betweenPasses(Supplier<T> work) {
        synchronized (periodicPass) {
            return work.get();
        }
    }

    /** Stops the periodic thread and waits for it. */
    @Override
    public void close() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;             // finish the join: the pass may be releasing memory
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
