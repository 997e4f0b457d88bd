package org.slabproof.proofs;

import org.slabproof.AccountingViolationException;
import org.slabproof.CorruptedRemoteStackException;
import org.slabproof.DoubleFreeException;
import org.slabproof.testkit.ProtocolFixture;

/**
 * The protocol invariants a proof asserts, by the names of {@link org.slabproof.superslab} (I1..I5)
 * and the brief (I6). Every check in a cell goes through {@link #require}, so a failing interleaving
 * always says which invariant it broke.
 */
enum Invariant {
    /** I1 accounting: the count equals the live (plus, under decrement-at-drain, remote-pending) blocks. */
    I1("I1 accounting"),
    /** I2 no loss: every freed block is in exactly one place, none is handed out twice. */
    I2("I2 no loss"),
    /** I3 single zero transition: exactly one thread observes the count reach zero. */
    I3("I3 single zero transition"),
    /** I4 no touch after release: nothing reads or writes a released SuperSlab. */
    I4("I4 no touch after release"),
    /** I5 release only when empty and claimed: never while owned, adopted or allocated from; once. */
    I5("I5 release only when empty and claimed"),
    /** I6 reclamation progresses: what a dead owner left is released by the next trim pass. */
    I6("I6 reclamation progresses");

    private final String title;

    Invariant(String title) {
        this.title = title;
    }

    /** The invariant's name as the reports print it. */
    String title() {
        return title;
    }

    /** Fails the current interleaving with this invariant's name unless {@code holds}. */
    void require(boolean holds, String what) {
        if (!holds) {
            throw new InvariantViolation(this, what);
        }
    }

    /**
     * I1 and I2 as the allocator's own equations ({@link org.slabproof.superslab.SuperSlab#validate()}),
     * at a quiescent point. The allocator tags each message with the invariant it checks.
     */
    static void requireValid(ProtocolFixture f) {
        String problem = f.validate();
        if (problem != null) {
            throw new InvariantViolation(problem.contains("(I2)") ? I2 : I1, problem);
        }
    }

    /**
     * Names the invariant an exception thrown by the protocol stands for, or returns null when it
     * is not one of the protocol's own reports. An {@link IllegalStateException} while the
     * SuperSlab's memory is closed is a touch after release, the same rule the allocator applies
     * ({@code ThreadHeap.free} turns it into a {@code UseAfterReleaseException}).
     */
    static Invariant of(Throwable t, ProtocolFixture f) {
        if (t instanceof AccountingViolationException) {
            return I1;
        }
        if (t instanceof DoubleFreeException || t instanceof CorruptedRemoteStackException) {
            return I2;
        }
        if (t instanceof IllegalStateException && !f.ss.memory().scope().isAlive()) {
            return I4;
        }
        return null;
    }
}
