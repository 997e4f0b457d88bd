package org.slabproof.lincheck;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.ProtocolFixture;

/**
 * The count-and-release protocol on one SuperSlab: frees bring {@code totalActiveBlocks} to zero,
 * and exactly one party claims and releases the SuperSlab once it is abandoned and empty.
 *
 * <p>Two blocks of slab 0 are live at the start, so that any scenario in which both are freed
 * races the last two decrements. The owner frees block 0 (locally while it owns the SuperSlab,
 * remotely after it abandoned it), drains, and abandons (as a thread exit does); the remote
 * thread frees block 1; either thread may trim (claim, drain, release if empty) or adopt and at
 * once abandon again. Each block has one freer, so a free's result depends on the count alone:
 * it returns whether this very free saw the count reach zero (I3), which the specification
 * predicts from the blocks still live. {@link #invariants} checks I1, I2, I5 and I6
 * after every part and I3 as "zero seen at most once, released at most once" (nothing allocates
 * after the start, so the count reaches zero at most once). Touching the SuperSlab after its
 * release throws {@link IllegalStateException} from its closed arena (I4), which the
 * specification never does. Targets: {@code seed-missing-remote-dec}, {@code double-dec},
 * {@code dec-before-publish}, {@code check-then-release}, {@code double-zero}.
 */
public class CounterReleaseScenario {
    private final CountAndRelease protocol = new CountAndRelease(ProtocolFixture.of(ProtocolUnderTest.id()));

    /** The owner frees its block 0; true if this free saw the count reach zero. */
    @Operation(nonParallelGroup = "owner")
    public boolean ownerFree() {
        return protocol.free(0);
    }

    /** The owner drains its slab, while it still owns the SuperSlab. */
    @Operation(nonParallelGroup = "owner")
    public void drain() {
        protocol.ownerDrain();
    }

    /** The owner exits: drain, abandon, release if empty. */
    @Operation(nonParallelGroup = "owner")
    public void abandon() {
        protocol.abandon();
    }

    /** Another thread frees block 1; true if this free saw the count reach zero. */
    @Operation(nonParallelGroup = "remote")
    public boolean remoteFree() {
        return protocol.free(1);
    }

    /** The trimmer's step: reclaim the SuperSlab if it is abandoned. */
    @Operation
    public void trim() {
        protocol.trim();
    }

    /** An adopter claims, drains and owns the SuperSlab, then exits at once. */
    @Operation
    public void adopt() {
        protocol.adoptAndExit();
    }

    /** I1, I2, I3, I5, I6 at every quiescent point. */
    @Validate
    public void invariants() {
        protocol.check();
    }

    /**
     * The sequential specification: which blocks are live, and how many the count still holds
     * (under decrement-at-drain remote frees stay counted until the owner drains; once the owner
     * has abandoned the SuperSlab no result depends on the count any more).
     */
    public static final class Spec {
        private final boolean countsPending = ProtocolUnderTest.policy().countsRemotePending();
        private final boolean[] live = {true, true};
        private boolean owned = true;
        private int counted = live.length;
        private int pending;

        /** Frees block 0. */
        public boolean ownerFree() {
            return free(0);
        }

        /** Frees block 1. */
        public boolean remoteFree() {
            return free(1);
        }

        private boolean free(int block) {
            if (!live[block]) {
                return false;
            }
            live[block] = false;
            if (countsPending && !(block == 0 && owned)) {
                pending++;
                return false;
            }
            return --counted == 0;
        }

        /** The owner's drain uncounts the pending blocks. */
        public void drain() {
            if (owned) {
                counted -= pending;
                pending = 0;
            }
        }

        /** The owner drains and leaves. */
        public void abandon() {
            drain();
            owned = false;
        }

        /** No result depends on it. */
        public void trim() {
        }

        /** No result depends on it. */
        public void adopt() {
        }
    }

    /** One tiny SuperSlab of the real protocol, its two live blocks and the release record. */
    static final class CountAndRelease {
        private final ProtocolFixture fixture;
        private final SuperSlab ss;
        private final AtomicLongArray live = new AtomicLongArray(2);    // block address until freed, then 0
        private final AtomicInteger zeroSeen = new AtomicInteger();     // frees that reported the zero transition
        private final Object adopter = new Object();                    // owner token of adoptAndExit

        CountAndRelease(ProtocolFixture fixture) {
            this.fixture = fixture;
            this.ss = fixture.ss;
            for (int i = 0; i < live.length(); i++) {
                live.set(i, fixture.allocate(0));
            }
        }

        /** Block 0 by the owner, block 1 by the remote thread: each block has exactly one freer. */
        boolean free(int block) {
            long address = live.getAndSet(block, 0);
            if (address == 0) {
                return false;
            }
            boolean local = block == 0 && owned();
            boolean zero = local ? fixture.freeLocal(address) : fixture.freeRemote(address);
            if (zero) {
                zeroSeen.incrementAndGet();
                if (!local) {
                    fixture.reclaim();          // the zero observer's follow-up; an owner keeps its last SuperSlab
                }
            }
            return zero;
        }

        void ownerDrain() {
            if (owned()) {
                fixture.drain(0);
            }
        }

        void abandon() {
            if (owned()) {
                exit();
            }
        }

        void trim() {
            if (ss.state() == SuperSlab.ABANDONED) {   // the trimmer skips what is owned or gone
                fixture.reclaim();
            }
        }

        void adoptAndExit() {
            if (fixture.adopt(adopter)) {
                exit();
            }
        }

        /** What a heap does when its thread exits: drain, abandon, release at once if empty. */
        private void exit() {
            ss.drainAll();
            fixture.abandon();
            fixture.reclaim();
        }

        /** The original owner still owns it; only the owner's own operations change that. */
        private boolean owned() {
            return ss.owner() == fixture.owner;
        }

        void check() {
            if (zeroSeen.get() > 1) {
                throw new InvariantViolation("I3: the zero transition was seen by " + zeroSeen.get() + " frees");
            }
            if (fixture.releases() > 1) {
                throw new InvariantViolation("I3: " + ss + " was released " + fixture.releases() + " times");
            }
            long[] blocks = {live.get(0), live.get(1)};
            if (ss.state() == SuperSlab.RELEASED) {
                if (fixture.releases() != 1) {
                    throw new InvariantViolation("I5: " + ss + " is RELEASED but the release sink was not called");
                }
                if (Invariants.countIn(ss.base(), ss.geometry().superSlabSize(), blocks) != 0) {
                    throw new InvariantViolation("I5: " + ss + " was released while a block of it is live");
                }
                return;
            }
            if (fixture.releases() != 0) {
                throw new InvariantViolation("I5: " + ss + " was released and is in use again (state " + ss.state() + ")");
            }
            Invariants.checkUnreleased(ss, blocks);
        }
    }
}
