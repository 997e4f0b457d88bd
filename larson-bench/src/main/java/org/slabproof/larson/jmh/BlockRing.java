package org.slabproof.larson.jmh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer ring of block addresses, the hand-over between the
 * owner and the remote thread of {@link RemoteFreeBenchmark}. Lock-free, so that the benchmark
 * measures the allocator rather than a queue's lock; 0 means "empty", as no block has address 0.
 *
 * <p>Each side keeps its own copy of the other side's index and reads the shared one only when its
 * copy says the ring is full (producer) or empty (consumer), as FastFlow's and the Disruptor's
 * rings do. Without that, every offer read the consumer's index and every poll the producer's, two
 * cache-line transfers per block between the cores, which made the hand-over rather than the
 * allocator the benchmark's limit.
 */
final class BlockRing {
    private final long[] slots;
    private final int mask;
    private final PaddedIndex head = new PaddedIndex();     // consumer's: next slot to poll; its copy of tail
    private final PaddedIndex tail = new PaddedIndex();     // producer's: next slot to fill; its copy of head

    /** A ring of {@code capacity} slots, a power of two. */
    BlockRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacity);
        }
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** Producer only: whether an offer would fail now (it cannot start failing before the next offer). */
    boolean isFull() {
        long t = tail.plain();
        if (t - tail.other == slots.length) {
            tail.other = head.acquire();
        }
        return t - tail.other == slots.length;
    }

    /** Producer only: appends {@code block}; false when full. */
    boolean offer(long block) {
        if (isFull()) {
            return false;
        }
        long t = tail.plain();
        slots[(int) t & mask] = block;
        // Release: the slot write happens-before the consumer's acquire of the new tail.
        tail.release(t + 1);
        return true;
    }

    /** Consumer only: removes the oldest block, or returns 0 when empty. */
    long poll() {
        long h = head.plain();
        if (h == head.other) {
            head.other = tail.acquire();
            if (h == head.other) {
                return 0;
            }
        }
        long block = slots[(int) h & mask];
        // Release: the slot read is done before the producer, acquiring the new head, reuses the slot.
        head.release(h + 1);
        return block;
    }

    /**
     * An index on a cache line of its own, with its writer's copy of the other side's index: producer
     * and consumer each write one, and sharing a line would add a coherence miss per operation to
     * what is being measured.
     */
    @SuppressWarnings("unused")
    private static final class PaddedIndex {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(PaddedIndex.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private long p1, p2, p3, p4, p5, p6, p7;
        private long value;
        /** The other side's index as this index's writer last read it (plain: that writer's own field). */
        long other;
        private long q1, q2, q3, q4, q5, q6, q7;

        long plain() {
            return value;
        }

        long acquire() {
            return (long) VALUE.getAcquire(this);
        }

        void release(long v) {
            VALUE.setRelease(this, v);
        }
    }
}
