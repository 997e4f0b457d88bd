package org.slabproof.proofs;

import org.slabproof.AccountingPolicy;
import org.slabproof.testkit.ProtocolFixture;

/**
 * One two-thread cell of the protocol matrix, for one interleaving: a tiny SuperSlab of the real
 * classes ({@link ProtocolFixture}), a single-threaded {@link #setup}, two actors that race, and
 * the checks at quiescence. A fresh instance is built for every interleaving.
 *
 * <p>Implementation notes. {@link #first} runs in a thread started by {@link #race}, which
 * vmlens requires to be created inside the exploration loop; {@link #second} runs in the calling
 * thread. Fields an actor writes are read only after the join (or the start, for setup's), so the
 * cells add no data race of their own to what vmlens reports. Thread rules are the protocol's:
 * owner operations run in one actor only, and the owner is whichever actor the cell says.
 */
abstract class Cell {
    /** The SuperSlab under test and its protocol (a correct policy or a known-bad variant). */
    protected final ProtocolFixture f;
    /** The policy the protocol implements or breaks; it decides what the count should read. */
    protected final AccountingPolicy policy;

    private Throwable firstFailure;           // written by the first actor, read after the join
    private Throwable secondFailure;          // written and read by the test thread

    protected Cell(String protocolId) {
        this.f = ProtocolFixture.of(protocolId);
        this.policy = f.protocol.policy();
    }

    /** Brings the SuperSlab into the cell's starting state (one thread, before the race). */
    abstract void setup();

    /** The actor that runs in the thread started for this interleaving. */
    abstract void first();

    /** The actor that runs in the test thread, concurrently with {@link #first}. */
    abstract void second();

    /** The invariants at quiescence, after both actors; may take further single-threaded steps. */
    abstract void check();

    /**
     * What {@code totalActiveBlocks} must read with {@code live} blocks live and {@code pending}
     * blocks on remote stacks: decrement-at-drain still counts the pending ones (I1).
     */
    protected final int counted(int live, int pending) {
        return policy.countsRemotePending() ? live + pending : live;
    }

    /**
     * Runs one interleaving of a fresh cell: setup, both actors, join, then the checks. Building
     * the cell, the setup and the checks are {@link Quiescent#hidden hidden} from vmlens: they
     * run while only one thread exists, so it has nothing to interleave there.
     */
    static void runOnce(Cells kind, String protocolId) throws InterruptedException {
        Cell cell = Quiescent.hidden(() -> {
            Cell c = kind.create(protocolId);
            c.setup();
            return c;
        });
        cell.race();
        Quiescent.hidden(() -> {
            cell.checkAtQuiescence();
            return null;
        });
    }

    private void race() throws InterruptedException {
        Thread other = new Thread(() -> {
            try {
                first();
            } catch (Throwable t) {
                firstFailure = t;
            }
        }, "first");
        other.start();
        try {
            second();
        } catch (Throwable t) {
            secondFailure = t;
        }
        other.join();                         // always: the other actor must not outlive the interleaving
    }

    private void checkAtQuiescence() {
        rethrow("first actor", firstFailure);
        rethrow("second actor", secondFailure);
        try {
            check();
            Invariant.requireValid(f);
        } catch (RuntimeException e) {        // a protocol step taken by the check itself failed
            rethrow("check at quiescence", e);
        }
    }

    private void rethrow(String where, Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof AssertionError e) {
            throw e;
        }
        Invariant broken = Invariant.of(t, f);
        if (broken != null) {
            throw new InvariantViolation(broken, "the " + where + " failed: " + t, t);
        }
        throw new AssertionError("the " + where + " threw an exception that names no invariant: " + t, t);
    }
}
