package org.slabproof.larson;

/**
 * The hand-over between producers and consumers: a bounded LIFO of full batch numbers, as
 * xmalloc-test keeps its batches on a mutex-guarded stack with two condition variables. Producers
 * wait while it holds {@code limit} batches, consumers while it is empty. Every state change
 * wakes all waiters (there are few, and each waits once per batch of 4096 blocks).
 *
 * <p>Guarded by this object's monitor: every field.
 */
final class BatchStack {
    private final int[] batches;
    private final int limit;
    private final boolean holdUntilProducersDone;   // consumers take nothing before every batch was made
    private int count;
    private boolean stopped;          // producers may push past the limit; set at the time limit
    private boolean producersDone;    // no push will come; consumers take what is left, then end
    private boolean aborted;          // a thread failed: everyone ends at once

    /**
     * A stack that makes producers wait at {@code limit} batches, with room for one more per producer.
     *
     * @param holdUntilProducersDone whether consumers wait until the producers are done before taking any batch
     */
    BatchStack(int limit, int producers, boolean holdUntilProducersDone) {
        this.limit = limit;
        this.batches = new int[limit + producers];
        this.holdUntilProducersDone = holdUntilProducersDone;
    }

    /** Producer: pushes a full batch, waiting while the stack is at its limit (until stopped). */
    synchronized void push(int batch) throws InterruptedException {
        while (count >= limit && !stopped && !aborted) {
            wait();
        }
        batches[count++] = batch;
        notifyAll();
    }

    /** Consumer: the latest full batch, waiting while none is there; -1 once producers are done and it is empty, or on abort. */
    synchronized int pop() throws InterruptedException {
        while (!aborted && !producersDone && (count == 0 || holdUntilProducersDone)) {
            wait();
        }
        if (aborted || count == 0) {
            return -1;
        }
        int batch = batches[--count];
        notifyAll();
        return batch;
    }

    /** The time limit was reached: producers waiting on a full stack push anyway and then stop. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** The last producer has pushed its last batch. */
    synchronized void producersDone() {
        producersDone = true;
        notifyAll();
    }

    /** A thread failed: wakes everyone, and consumers take nothing more. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    /** Full batches waiting now. */
    synchronized int size() {
        return count;
    }
}
