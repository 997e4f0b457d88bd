package org.slabproof.proofs;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slabproof.Invariant;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.Classifier;
import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.cells.Cell;
import org.slabproof.testkit.cells.Cells;

/**
 * One interleaving of a shared {@link Cell}: the cell is built (its setup runs real allocator
 * steps), {@link Cell#first()} runs in a thread started here, {@link Cell#second()} in the calling
 * thread, the thread is joined, and the cell's actors and check are judged. Whatever fails names
 * the invariant it stands for, or names none.
 *
 * <p>Implementation notes. vmlens requires the second thread to be started inside the
 * exploration loop, so this runs once per interleaving. The setup and the judgement are
 * {@linkplain Quiescent#hidden hidden} from vmlens: they run while only one thread exists, so
 * nothing of theirs can interleave with anything. The actors are never hidden: they are what is
 * proven. The two actors' results are written by their own threads and read only after the join,
 * so the harness adds no data race of its own to what vmlens reports.
 */
final class Interleaving {
    /** A token part that names an invariant, as {@link Cell}'s actors return them ({@code "I4"}). */
    private static final Pattern INVARIANT = Pattern.compile("I[1-6]");

    private final Cell cell;
    private String firstToken;                // written by the first actor's thread, read after the join
    private Throwable firstThrown;            // likewise
    private String secondToken;               // written and read by the calling thread
    private Throwable secondThrown;

    private Interleaving(Cell cell) {
        this.cell = cell;
    }

    /**
     * Runs one interleaving of a fresh {@code kind} cell over a fresh protocol.
     *
     * @throws InvariantViolation when an actor or the check at quiescence names a broken invariant
     * @throws AssertionError     when an actor failed in a way that names no invariant
     */
    static void run(Cells kind, Supplier<FreeProtocol> protocol) throws InterruptedException {
        Interleaving run = new Interleaving(Quiescent.hidden(() -> kind.create(protocol.get())));
        run.race();
        Quiescent.hidden(() -> {
            run.judge();
            return null;
        });
    }

    private void race() throws InterruptedException {
        Thread other = new Thread(() -> {
            try {
                firstToken = cell.first();
            } catch (Throwable t) {
                firstThrown = t;
            }
        }, "first");
        other.start();
        try {
            secondToken = cell.second();
        } catch (Throwable t) {
            secondThrown = t;
        }
        // vmlens 1.2.17 models only the untimed join; the surefire fork timeout is the deadline.
        other.join();
    }

    /**
     * The actors first (an invariant named by an actor is what happened first), then the check at
     * quiescence; an actor failure that names no invariant is reported only if the check finds no
     * broken invariant either.
     */
    private void judge() {
        AssertionError unnamed = null;
        for (Actor a : new Actor[] {new Actor("first", firstToken, firstThrown),
                new Actor("second", secondToken, secondThrown)}) {
            AssertionError failure = a.failure();
            if (failure instanceof InvariantViolation) {
                throw failure;
            }
            if (failure != null && unnamed == null) {
                unnamed = failure;
            }
        }
        try {
            cell.check();
        } catch (RuntimeException e) {
            Invariant broken = Classifier.of(e);
            if (broken != null) {
                throw new InvariantViolation(broken, "the check at quiescence failed: " + e, e);
            }
            throw new AssertionError("the check at quiescence threw an exception that names no invariant: " + e, e);
        }
        if (unnamed != null) {
            throw unnamed;
        }
    }

    /** What one actor returned or threw. */
    private record Actor(String name, String token, Throwable thrown) {
        /** Null when the actor's steps all succeeded. */
        AssertionError failure() {
            if (thrown != null) {
                Invariant broken = Classifier.of(thrown);
                return broken != null
                        ? new InvariantViolation(broken, "the " + name + " actor threw " + thrown, thrown)
                        : new AssertionError("the " + name + " actor threw an exception that names no invariant: "
                                + thrown, thrown);
            }
            for (String part : token.split(", ")) {
                if (INVARIANT.matcher(part).matches()) {
                    return new InvariantViolation(Invariant.valueOf(part), "a step of the " + name
                            + " actor failed with an error that stands for " + part + " (its token: " + token + ")");
                }
            }
            for (String part : token.split(", ")) {
                if (part.startsWith("error ")) {
                    return new AssertionError("a step of the " + name + " actor failed with an error that names no"
                            + " invariant (its token: " + token + ")");
                }
            }
            return null;
        }
    }
}
