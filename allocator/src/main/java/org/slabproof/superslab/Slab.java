package org.slabproof.superslab;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.slabproof.CorruptedRemoteStackException;
import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.DoubleFreeException;
import org.slabproof.MisalignedAddressException;

/**
 * One slab of a SuperSlab: a run of equal-sized blocks of one size class, allocated from by one
 * owner thread at a time. The owner pops its local freelist or carves fresh blocks; other threads
 * free into the {@link RemoteStack}; the owner drains that stack back into the local freelist.
 *
 * <p>Implementation notes. Invariant I2 as arithmetic, checked by {@link #validate()}:
 * {@code used + length(localFree) + (capacity - carved) == capacity}, and
 * {@code length(remote) <= used}: a block is live, pending on the remote stack (both counted by
 * {@code used}), on the local freelist, or not carved yet.
 */
public final class Slab {
    // Blocks are 8-byte aligned by construction (every size class is a multiple of 8), so link
    // accesses use the unaligned layout: same instruction, no alignment check per access.

    // ---- identity: final, any thread ----
    private final SuperSlab superSlab;     // the SuperSlab this slab belongs to
    private final int index;               // position in the SuperSlab
    private final long start;              // absolute address of the first block
    private final long offset;             // start - superSlab.base(), for memory access
    private final MemorySegment memory;    // the SuperSlab's memory (closed on release: I4)
    private final RemoteStack remote;      // remote frees; any thread pushes, owner takes
    private final long[] liveBits;         // checked mode: bit per block, set while live; atomic ops only (LIVE)

    // ---- format: written by the owner while the slab is empty, read by any thread freeing a
    // block of it (ordered by the hand-over of the block to that thread) ----
    private int sizeClass = -1;            // -1 until formatted
    private int blockSize;                 // bytes per block
    private int capacity;                  // blocks per slab
    private long indexMagic;               // ceil(2^40 / blockSize): block index by multiply, not divide

    // ---- owner-only (or the claimant of a CLAIMED SuperSlab) ----
    private long localFree;                // head of the local freelist (absolute address), 0 = empty
    private int carved;                    // blocks carved so far (bump pointer), 0..capacity; written with release
                                           // stores and read with acquire loads by other threads' checkBlock
    private int used;                      // live + remote-pending blocks, 0..capacity
    private int creditLimit;               // decrement-at-free: the value of used up to which the owner has counted
                                           // ahead; its credit on the slab is creditLimit - used (I1), used..capacity.
                                           // Written at a credit refill, a drain that moved blocks and a credit return,
                                           // never on the fast paths; always 0 under decrement-at-drain
    private boolean waiting;               // the owner's slow path found no block here and stopped looking; its next
                                           // local free into the slab lists it again (a hint of the heap's, no invariant)

    Slab(SuperSlab superSlab, int index, MemorySegment memory, long superSlabBase, int slabSize,
            FreeProtocol protocol, boolean checked) {
        this.superSlab = superSlab;
        this.index = index;
        this.offset = (long) index * slabSize;
        this.start = superSlabBase + offset;
        this.memory = memory;
        this.remote = protocol.newRemoteStack(memory, superSlabBase);
        this.liveBits = checked ? new long[(slabSize / 8 + 63) / 64] : null;
    }

    /**
     * Formats an empty slab for size class {@code cls} (owner only; requires {@code used == 0}).
     *
     * @return false if no block of that class fits this geometry's slab
     */
    public boolean format(int cls) {
        if (used != 0) {
            throw new IllegalStateException("format of slab " + index + " with " + used + " blocks in use");
        }
        int size = SizeClasses.sizeOf(cls);
        int cap = superSlab.geometry().slabSize() / size;
        if (cap == 0) {
            return false;
        }
        sizeClass = cls;
        blockSize = size;
        capacity = cap;
        indexMagic = ((1L << 40) + size - 1) / size;
        localFree = 0;
        carved = 0;
        waiting = false;
        return true;
    }

    /**
     * Takes a block off the local freelist, or carves one (owner only; no lock, no CAS). The
     * count is the protocol's business ({@link FreeProtocol#allocate}).
     *
     * @return the block's address, or 0 if the slab has no local block (the caller drains or
     *         moves on)
     */
    public long take() {
        long block = localFree;
        if (block != 0) {
            localFree = memory.get(ValueLayout.JAVA_LONG_UNALIGNED, block - start + offset);
        } else if (carved < capacity) {
            block = start + (long) carved * blockSize;
            CARVED.setRelease(this, carved + 1);        // other threads' checkBlock reads it
        } else {
            return 0;
        }
        used++;
        if (liveBits != null) {
            markLive(block);
        }
        return block;
    }

    /**
     * Validates that {@code block} is the start of a block of this slab that has been handed out
     * (any thread). Changes nothing.
     *
     * @throws MisalignedAddressException when it is not a block start
     * @throws DoubleFreeException        when the block was never carved
     */
    public void checkBlock(long block) {
        long off = block - start;
        long idx = (off * indexMagic) >>> 40;
        if (sizeClass < 0 || idx * blockSize != off || idx >= capacity) {
            throw notABlock(block);
        }
        if (idx >= (int) CARVED.getAcquire(this)) {
            throw new DoubleFreeException(describe(block) + " was never handed out");
        }
    }

    /** The error for an address that is not a block start (kept out of the hot method). */
    private MisalignedAddressException notABlock(long block) {
        return sizeClass < 0
                ? new MisalignedAddressException(describe(block) + " is in slab " + index + ", which holds no blocks")
                : new MisalignedAddressException(describe(block) + " is not the start of a " + blockSize
                        + "-byte block (slab " + index + ")");
    }

    /**
     * Marks a validated block not live, or reports it was not live (any thread; changes nothing
     * when it throws). Checked mode: an atomic bit clear, exact. Default mode: the O(1) checks,
     * the block is not the head of either free list.
     */
    public void checkAndClearLive(long block) {
        if (liveBits != null) {
            clearLiveBit(block);
        } else if (block == remote.peekHead()) {
            throw doubleFree(block, "is already on the remote-free stack");
        }
    }

    private void clearLiveBit(long block) {
        int bit = (int) (((block - start) * indexMagic) >>> 40);
        long mask = 1L << (bit & 63);
        long before = (long) LIVE.getAndBitwiseAnd(liveBits, bit >>> 6, ~mask);
        if ((before & mask) == 0) {
            throw doubleFree(block, "is not live");
        }
    }

    /** Owner-side O(1) check: the block is not the local freelist head (default mode). */
    public void checkNotLocalHead(long block) {
        if (block == localFree && liveBits == null) {
            throw doubleFree(block, "is already on the local freelist");
        }
    }

    private DoubleFreeException doubleFree(long block, String why) {
        return new DoubleFreeException(describe(block) + " " + why + ": double free");
    }

    /** Puts a validated block on the local freelist (owner only; accounting is the protocol's). */
    public void pushLocal(long block) {
        memory.set(ValueLayout.JAVA_LONG_UNALIGNED, block - start + offset, localFree);
        localFree = block;
        used--;
    }

    /**
     * Takes the whole remote stack and splices it onto the local freelist (owner or claimant
     * only). The walk is bounded by the slab's capacity and checks every link, so a corrupted
     * stack fails loudly instead of looping or scribbling.
     *
     * @return the number of blocks moved
     */
    public int drainRemote() {
        if (remote.isEmpty()) {
            return 0;
        }
        long first = remote.takeAll();
        if (first == 0) {
            return 0;
        }
        long last = first;
        int n = 1;
        checkLink(first, 0);
        for (long next = remote.link(last); next != 0; next = remote.link(last)) {
            if (++n > used) {
                throw new CorruptedRemoteStackException("remote stack of slab " + index + " holds more than the "
                        + used + " blocks in use: corrupted (a double free in default mode?)");
            }
            checkLink(next, n);
            last = next;
        }
        remote.setLink(last, localFree);
        localFree = first;
        used -= n;
        remote.drained(n);
        superSlab.recordDrain(n);
        return n;
    }

    private void checkLink(long block, int position) {
        long off = block - start;
        if (off < 0 || off >= (long) carved * blockSize || ((off * indexMagic) >>> 40) * blockSize != off) {
            throw new CorruptedRemoteStackException("remote stack of slab " + index + " links to "
                    + describe(block) + " at position " + position + ": not a block of this slab");
        }
    }

    private void markLive(long block) {
        int bit = (int) (((block - start) * indexMagic) >>> 40);
        LIVE.getAndBitwiseOr(liveBits, bit >>> 6, 1L << (bit & 63));
    }

    /**
     * Checks invariant I2 for this slab (quiescent points only: owner or claimant, no concurrent
     * frees). Walks both lists, bounded by capacity.
     *
     * @return null if it holds, otherwise what is wrong
     */
    public Violation validate() {
        if (sizeClass < 0) {
            return used == 0 ? null : new Violation(Invariant.I2, "unformatted slab " + index + " has used=" + used);
        }
        int local = walk(localFree);
        int pending = walk(remote.peekHead());
        if (local < 0 || pending < 0) {
            return new Violation(Invariant.I2, "slab " + index + ": a free list is longer than the capacity " + capacity);
        }
        if (used + local + (capacity - carved) != capacity) {
            return new Violation(Invariant.I2, "slab " + index + ": used " + used + " + local free " + local
                    + " + uncarved " + (capacity - carved) + " != capacity " + capacity);
        }
        if (pending > used) {
            return new Violation(Invariant.I2, "slab " + index + ": remote stack holds " + pending + " blocks but only "
                    + used + " are in use");
        }
        return null;
    }

    /** Blocks on the remote stack, walked at most capacity links; -1 if longer (quiescent points only). */
    public int remoteLength() {
        return walk(remote.peekHead());
    }

    private int walk(long head) {
        int n = 0;
        for (long b = head; b != 0; b = remote.link(b)) {
            if (++n > capacity) {
                return -1;
            }
        }
        return n;
    }

    private String describe(long block) {
        return "address 0x" + Long.toHexString(block);
    }

    /** The SuperSlab this slab belongs to. */
    public SuperSlab superSlab() {
        return superSlab;
    }

    /** Position of the slab in its SuperSlab. */
    public int index() {
        return index;
    }

    /** Address of the slab's first block. */
    public long start() {
        return start;
    }

    /** The remote-free stack. */
    public RemoteStack remote() {
        return remote;
    }

    /** Size class served, -1 if never formatted. */
    public int sizeClass() {
        return sizeClass;
    }

    /** Block size in bytes (0 if never formatted). */
    public int blockSize() {
        return blockSize;
    }

    /** Blocks per slab for the current class. */
    public int capacity() {
        return capacity;
    }

    /** Live plus remote-pending blocks (owner's view). */
    public int used() {
        return used;
    }

    /** Blocks the owner could hand out without draining: local freelist plus uncarved (owner's view). */
    public int locallyAvailable() {
        return capacity - used;
    }

    /**
     * Decrement-at-free: the value of {@link #used()} up to which the owner has counted ahead
     * (owner or claimant); the owner's credit on the slab is this minus {@code used}
     * ({@link FreeProtocol#credit}).
     */
    public int creditLimit() {
        return creditLimit;
    }

    /** Sets the credit limit (owner or claimant; the protocol keeps the SuperSlab count in step). */
    public void setCreditLimit(int creditLimit) {
        this.creditLimit = creditLimit;
    }

    /**
     * True if the owner's slow path found no block here and no local free has come in since
     * (owner only): the heap lists the slab again on that free rather than rescanning it.
     */
    public boolean waiting() {
        return waiting;
    }

    /** Marks the slab waiting, or not (owner only). */
    public void setWaiting(boolean waiting) {
        this.waiting = waiting;
    }

    /** True if the owner could hand out a block without draining. */
    public boolean hasLocalBlock() {
        return localFree != 0 || carved < capacity;
    }

    /** Blocks on the local freelist plus blocks not carved yet (owner's view; walks the list). */
    public int freeBlocks() {
        return walk(localFree) + capacity - carved;
    }

    // VarHandle mechanics
    private static final VarHandle LIVE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle CARVED;

    static {
        try {
            CARVED = MethodHandles.lookup().findVarHandle(Slab.class, "carved", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
