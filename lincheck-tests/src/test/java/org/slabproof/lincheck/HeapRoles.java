package org.slabproof.lincheck;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slabproof.AccountingPolicy;
import org.slabproof.Invariant;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.Classifier;
import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.QuiescentChecker;

/**
 * Roles (one per Lincheck thread, each with its own real {@link ThreadHeap}) and the slots of live
 * blocks they share, over one heap environment: a {@code TinyWorld}'s or a whole allocator's.
 * The operations are the heap's own calls and nothing else: {@link ThreadHeap#malloc},
 * {@link ThreadHeap#free} (whose routing makes a free local or remote), {@link ThreadHeap#close}
 * and the real trimmer pass. The structures' scenario classes are one-line delegates to this.
 *
 * <p>What is checked at the quiescent point ({@link #check}): {@link QuiescentChecker} against the
 * blocks in the slots (I1, I2, I3, I5, I6), and what only the roles know (I5): a role's heap is
 * still open unless the role itself exited (a heap closed by someone else is a live owner whose
 * pinned SuperSlabs were taken from it), and the SuperSlab of the role's last allocation, which
 * holds its current slab, is still live and pinned by it.
 *
 * <p>What {@code afterTrim} (I6: no unpinned SuperSlab left without a live block) may honestly
 * say. Under decrement-at-free it always holds: an unpinned SuperSlab without a live block has a
 * count of zero, and the protocol releases it then and there (the free that saw the zero, or the
 * Dekker re-read of whoever gave up a pin or a claim), with no trimmer involved; the interleaving
 * cells hold it the same way. Under decrement-at-drain a remote free never touches the count and
 * only a drain brings it down, so an emptied unpinned SuperSlab legitimately waits for the
 * periodic trimmer: the check settles as the cells do, with one real trimmer pass, and checks
 * again with {@code afterTrim}. That pass hides nothing: Lincheck validates once, after the last
 * operation, so no operation runs after it; and the whole check has already run on the state the
 * scenario left, before the pass could release the SuperSlab that shows a violation.
 *
 * <p>Thread rules: a role's operations run on that role's thread, one at a time (Lincheck's
 * {@code nonParallelGroup}); slots are shared through atomic exchanges; {@link #check} runs at
 * the quiescent point only.
 */
final class HeapRoles {
    private final HeapEnvironment env;
    private final Geometry geometry;
    private final Supplier<ThreadHeap> newHeap;     // a fresh heap of a thread that lives
    private final IntSupplier trimPass;             // one real trimmer pass
    private final int blockSize;
    private final String[] names;                   // role names for messages
    private final ThreadHeap[] heap;                // heap[r]: role r's current heap; written by role r only
    private final long[] last;                      // last[r]: role r's latest allocation by heap[r], 0 if none
    private final AtomicLongArray slots;            // live block addresses, 0 = empty

    /** One heap per role name, {@code slots} empty slots, blocks of {@code blockSize} bytes. */
    HeapRoles(HeapEnvironment env, Geometry geometry, Supplier<ThreadHeap> newHeap, IntSupplier trimPass, int blockSize,
            int slots, String... names) {
        this.env = env;
        this.geometry = geometry;
        this.newHeap = newHeap;
        this.trimPass = trimPass;
        this.blockSize = blockSize;
        this.names = names;
        this.heap = new ThreadHeap[names.length];
        this.last = new long[names.length];
        this.slots = new AtomicLongArray(slots);
        for (int r = 0; r < names.length; r++) {
            heap[r] = newHeap.get();
        }
    }

    /** Setup only: puts a block allocated elsewhere into {@code slot}. */
    void hold(int slot, long block) {
        slots.set(slot, block);
    }

    /**
     * Role {@code role} allocates into {@code slot} if it is empty. Only this role fills this
     * slot, so the check and the store cannot race with another fill.
     *
     * @return true if it allocated
     */
    boolean malloc(int role, int slot) {
        if (slots.get(slot) != 0) {
            return false;
        }
        long block = heap[role].malloc(blockSize);
        last[role] = block;
        slots.set(slot, block);
        return true;
    }

    /**
     * Role {@code role} frees the block in {@code slot}, if any, through its heap: local if the
     * heap has the block's SuperSlab pinned, remote otherwise.
     *
     * @return -1 if the slot was empty, else the free's outcome ({@code FreeProtocol.LOCAL} ...)
     */
    int free(int role, int slot) {
        long block = slots.getAndSet(slot, 0);
        return block == 0 ? -1 : heap[role].free(block);
    }

    /**
     * Role {@code role}'s thread exits and a successor takes its place with a fresh heap (Larson's
     * hand-over): the old heap closes (abandon what it pinned, reclaim what it left idle), and the
     * successor's first malloc takes the slow path, which adopts an abandoned SuperSlab if one
     * qualifies. The successor is in place before the close, so that a close that throws leaves
     * the role with an open heap.
     */
    void exit(int role) {
        ThreadHeap old = heap[role];
        heap[role] = newHeap.get();
        last[role] = 0;
        old.close();
    }

    /**
     * Role {@code role} allocates until its heap serves a block from another SuperSlab than the
     * first one it got, then frees every block it took. The heap has then moved on: the old
     * SuperSlab is unpinned (IDLE, still the role's, claimable) and holds only the slots' blocks;
     * the frees into it were remote, the free into the new one local.
     *
     * @param limit bound on the allocations (a SuperSlab's blocks, plus those others may free into
     *              it meanwhile, plus one): beyond it the heap failed to move on
     */
    void moveOn(int role, int limit) {
        ThreadHeap h = heap[role];
        long[] taken = new long[limit];
        int n = 0;
        taken[n++] = h.malloc(blockSize);
        while (sameSuperSlab(taken[n - 1], taken[0])) {
            if (n == limit) {
                throw new IllegalStateException(names[role] + "'s heap served " + n + " blocks from one SuperSlab");
            }
            taken[n++] = h.malloc(blockSize);
        }
        last[role] = taken[n - 1];
        for (int i = 0; i < n; i++) {
            h.free(taken[i]);
        }
    }

    /** One real trimmer pass, from whichever thread. */
    void trim() {
        trimPass.getAsInt();
    }

    /** The slots' blocks (0 = empty); a snapshot. */
    long[] live() {
        long[] blocks = new long[slots.length()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = slots.get(i);
        }
        return blocks;
    }

    /**
     * The quiescent check, at the end of a scenario (Lincheck 3.7 calls the validation function
     * once, after the last operation): first the shared check and the roles' own on the state the
     * scenario left; then, under decrement-at-drain, one trimmer pass and the shared check again
     * with {@code afterTrim}. See the class comment for why that is honest.
     *
     * @throws InvariantViolation naming the first broken invariant
     */
    void check() {
        boolean countsAtFree = env.protocol().policy() == AccountingPolicy.DECREMENT_AT_FREE;
        QuiescentChecker.require(env, live(), countsAtFree);
        for (int r = 0; r < heap.length; r++) {
            ThreadHeap h = heap[r];
            InvariantViolation.require(Invariant.I5, !h.isClosed(), names[r] + "'s heap was closed while its thread"
                    + " lives (by the reaper): what it had pinned was taken from a live owner");
            if (last[r] != 0) {
                SuperSlab current = liveSuperSlabOf(last[r]);
                InvariantViolation.require(Invariant.I5, current != null, "the SuperSlab of " + names[r]
                        + "'s current slab was released while " + names[r] + " had it pinned");
                InvariantViolation.require(Invariant.I5, h.hasPinned(current), current + " holds " + names[r]
                        + "'s current slab but is " + SuperSlab.describe(current.state()) + ", not pinned by heap "
                        + h.id() + ": taken from its pinning owner");
            }
        }
        if (!countsAtFree) {
            try {
                trimPass.getAsInt();
            } catch (RuntimeException e) {
                throw Classifier.asViolation(e, "the settling trim pass failed");
            }
            QuiescentChecker.require(env, live(), true);
        }
    }

    private SuperSlab liveSuperSlabOf(long block) {
        for (SuperSlab ss : env.pool().liveSuperSlabs()) {
            if (ss.contains(block)) {
                return ss;
            }
        }
        return null;
    }

    /** SuperSlabs are aligned to their size: same SuperSlab, same high bits. */
    private boolean sameSuperSlab(long a, long b) {
        return a >>> geometry.lgSuperSlab() == b >>> geometry.lgSuperSlab();
    }
}
