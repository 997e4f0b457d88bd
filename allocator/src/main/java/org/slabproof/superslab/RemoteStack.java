package org.slabproof.superslab;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slab's lock-free stack of blocks freed by threads other than the owner (the seed's
 * {@code remote_heads[slab]} and {@code remote_counts[slab]}). Any thread may {@link #push};
 * only the slab's owner, or the claimant of its SuperSlab, may {@link #takeAll}.
 *
 * <p>Implementation notes. A Treiber stack whose links live in the freed blocks themselves, as in
 * C: the first 8 bytes of a free block hold the address of the next one (0 ends the list).
 * There is no single-element pop, only an atomic take-all, so the stack has no ABA problem: a
 * push that succeeds against a head that was taken and pushed again links to a block that is
 * on the stack again, which is correct.
 *
 * <p>Invariants: every block pushed and not yet taken is reachable from {@code head} exactly
 * once (I2). Non-invariants: {@code count} is incremented before the block is published, so it
 * may exceed the stack's length by the pushes in flight; it never falls below it. It is a
 * statistic and a hint, never used to decide anything.
 */
public class RemoteStack {
    /** The SuperSlab's memory, through which links are read and written. */
    private final MemorySegment memory;
    /** Absolute address of {@code memory}'s first byte. */
    private final long base;

    /**
     * Top block (absolute address), 0 when empty. CAS by pushers, exchanged to 0 by the drainer.
     * An {@link AtomicLong} rather than a VarHandle on a volatile field: vmlens traces the former.
     */
    private final AtomicLong head = new AtomicLong();
    /** Pushes started minus blocks drained ({@code remote_counts}); any thread. */
    private final AtomicInteger count = new AtomicInteger();

    /** Creates an empty stack over the memory of the SuperSlab whose first byte is {@code base}. */
    public RemoteStack(MemorySegment memory, long base) {
        this.memory = memory;
        this.base = base;
    }

    /**
     * Pushes a freed block (any thread; the seed's {@code ss_remote_push}). The link is a plain
     * write into the block: the CAS on {@code head} that follows is a volatile write, so a
     * drainer whose exchange reads this head (or any later one, each CAS having read its
     * predecessor) sees the link.
     */
    public void push(long block) {
        count.getAndAdd(1);
        long top;
        do {
            top = head.get();
            setLink(block, top);
        } while (!head.compareAndSet(top, block));
    }

    /**
     * Takes every block on the stack at once, leaving it empty (owner or claimant only). The
     * exchange is the linearization point: a push either precedes it and is in the returned list,
     * or follows it and stays on the stack.
     *
     * @return the first block of the taken list (0 if the stack was empty)
     */
    public long takeAll() {
        return head.getAndSet(0L);
    }

    /** Records that a drain moved {@code n} blocks off this stack (owner or claimant). */
    public void drained(int n) {
        count.getAndAdd(-n);
    }

    /** True when no block is on the stack (a volatile read: a cheap test before {@link #takeAll}). */
    public boolean isEmpty() {
        return head.get() == 0L;
    }

    /** Current top block, 0 if empty (any thread; a snapshot). */
    public long peekHead() {
        return head.get();
    }

    /** The remote count: pushes started minus blocks drained (any thread; a snapshot). */
    public int count() {
        return count.get();
    }

    /** Reads the link stored in a free block. */
    public final long link(long block) {
        return memory.get(ValueLayout.JAVA_LONG_UNALIGNED, block - base);
    }

    /** Writes the link of a free block (a plain write; see {@link #push}). */
    public final void setLink(long block, long next) {
        memory.set(ValueLayout.JAVA_LONG_UNALIGNED, block - base, next);
    }

    /** The head cell, for the known-bad variants that misuse it on purpose. */
    protected final AtomicLong headCell() {
        return head;
    }

    /** The count cell, for the known-bad variants. */
    protected final AtomicInteger countCell() {
        return count;
    }
}
