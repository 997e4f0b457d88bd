package org.slabproof.lincheck;

import java.util.concurrent.atomic.AtomicLongArray;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.slabproof.Invariant;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.RemoteStack;
import org.slabproof.superslab.Slab;
import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.TinyWorld;

/**
 * The remote-free stack on its own: two remote threads push blocks, the owner takes them all at
 * once. Checks that every push is taken exactly once (I2) and that {@code takeAll} is atomic.
 *
 * <p>The stack is a real slab's {@link RemoteStack}, made by the protocol under test (so a variant
 * that breaks the stack runs its broken one): a heap of a {@link TinyWorld} allocates the four
 * blocks of its first slab up front; blocks 0-1 belong to pusher A and 2-3 to pusher B, and each
 * is freed (pushed) at most once, so whether a push happens is known to its own thread alone and
 * only the stack is shared. Blocks do not go back to their pushers after a take: a block in
 * transit between the exchange and its return would be a second, delayed effect of
 * {@code takeAll} that no atomic specification can describe. The pushes bypass the remote free's
 * accounting on purpose (this is the stack alone), so the world's counts are not checked here.
 *
 * <p>A wrong result stands for I2: {@code takeAll} returning fewer blocks than the specification
 * lost a push, more took a block twice. Targets: {@code racy-push}, {@code racy-drain}.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:1")
public class RemoteStackScenario {
    private final StackUnderTest stack = new StackUnderTest(ProtocolUnderTest.protocol());

    /** Remote thread A frees its block {@code slot} (blocks 0..1); false if it already did. */
    @Operation(nonParallelGroup = "pusherA")
    public boolean pushA(@Param(name = "slot") int slot) {
        return stack.push(slot);
    }

    /** Remote thread B frees its block {@code slot} (blocks 2..3); false if it already did. */
    @Operation(nonParallelGroup = "pusherB")
    public boolean pushB(@Param(name = "slot") int slot) {
        return stack.push(2 + slot);
    }

    /** The owner takes the whole stack; returns how many blocks it got. */
    @Operation(nonParallelGroup = "owner")
    public int takeAll() {
        return stack.takeAll();
    }

    /** I2 at every quiescent point: each block unpushed, on the stack or taken, exactly once. */
    @Validate
    public void everyBlockInExactlyOnePlace() {
        stack.checkNoLoss();
    }

    /** The sequential specification: which blocks were pushed, and how many wait on the stack. */
    public static final class Spec {
        private final boolean[] pushed = new boolean[StackUnderTest.BLOCKS];
        private int waiting;

        /** Pushes block {@code slot} of pusher A unless it already did. */
        public boolean pushA(int slot) {
            return push(slot);
        }

        /** Pushes block {@code 2 + slot} of pusher B unless it already did. */
        public boolean pushB(int slot) {
            return push(2 + slot);
        }

        private boolean push(int block) {
            if (pushed[block]) {
                return false;
            }
            pushed[block] = true;
            waiting++;
            return true;
        }

        /** Takes every waiting block. */
        public int takeAll() {
            int n = waiting;
            waiting = 0;
            return n;
        }
    }

    /** The slab's real {@link RemoteStack}, its four blocks and where each one is. */
    static final class StackUnderTest {
        static final int BLOCKS = TinyWorld.PER_SLAB;

        private final Slab slab;
        private final RemoteStack remote;
        private final AtomicLongArray unpushed = new AtomicLongArray(BLOCKS);  // address until pushed, then 0
        private final boolean[] taken = new boolean[BLOCKS];                    // owner only

        StackUnderTest(FreeProtocol protocol) {
            ThreadHeap owner = new TinyWorld(protocol).heap();
            long first = owner.malloc(TinyWorld.SIZE);
            this.slab = owner.ownedSuperSlabs().getFirst().slabOf(first);
            this.remote = slab.remote();
            unpushed.set(index(first), first);
            for (int i = 1; i < BLOCKS; i++) {
                long block = owner.malloc(TinyWorld.SIZE);
                unpushed.set(index(block), block);
            }
        }

        boolean push(int block) {
            long address = unpushed.getAndSet(block, 0);
            if (address == 0) {
                return false;
            }
            remote.push(address);
            return true;
        }

        int takeAll() {
            int n = 0;
            for (long b = remote.takeAll(); b != 0; b = remote.link(b)) {
                int i = index(b);
                if (taken[i]) {
                    throw new InvariantViolation(Invariant.I2, "block " + i + " taken twice");
                }
                taken[i] = true;
                n++;
            }
            remote.drained(n);
            return n;
        }

        void checkNoLoss() {
            boolean[] onStack = new boolean[BLOCKS];
            int length = 0;
            for (long b = remote.peekHead(); b != 0; b = remote.link(b)) {
                int i = index(b);
                if (onStack[i]) {
                    throw new InvariantViolation(Invariant.I2, "block " + i + " is on the remote stack twice (cycle)");
                }
                onStack[i] = true;
                length++;
            }
            for (int i = 0; i < BLOCKS; i++) {
                int places = (unpushed.get(i) != 0 ? 1 : 0) + (onStack[i] ? 1 : 0) + (taken[i] ? 1 : 0);
                if (places != 1) {
                    throw new InvariantViolation(Invariant.I2, "block " + i + (places == 0
                            ? " was pushed but is neither on the remote stack nor taken: a remote free was lost"
                            : " is in " + places + " places at once"));
                }
            }
            if (remote.count() != length) {
                throw new InvariantViolation(Invariant.I2, "remote count " + remote.count() + " but " + length
                        + " blocks on the stack");
            }
        }

        private int index(long block) {
            return (int) ((block - slab.start()) / slab.blockSize());
        }
    }
}
