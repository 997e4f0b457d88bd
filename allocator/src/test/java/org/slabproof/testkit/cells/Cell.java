package org.slabproof.testkit.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slabproof.AccountingPolicy;
import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.Classifier;
import org.slabproof.testkit.InvariantViolation;
import org.slabproof.testkit.QuiescentChecker;
import org.slabproof.testkit.TinyWorld;

/**
 * One cell of the interleaving matrix: a tiny world set up by real allocator steps, two actors
 * that race (each a real heap or trimmer step, never a copy), and the check at quiescence. The same
 * cell class runs under jcstress (actors on real threads, outcome tokens graded by an outcome
 * table), under vmlens (every interleaving, {@link #check()} after each) and as a sequential JUnit
 * test (both orders).
 *
 * <p>Tokens. An actor returns what it observed in a word or two ({@code "remote"},
 * {@code "released"}, {@code "got b"}); a step that fails with an error that stands for an
 * invariant returns that invariant's name ({@code "I4"}), any other error {@code "error X"}. The
 * arbiter returns {@code "ok"} or the name of the first broken invariant. So a FORBIDDEN outcome
 * always names what broke.
 *
 * <p>Thread rules: {@link #first()} and {@link #second()} run once each, concurrently, each on
 * one thread; the constructor (the setup) and {@link #arbiter()} / {@link #check()} run alone.
 */
public abstract class Cell {
    /** The world under test. */
    protected final TinyWorld w;
    /** The policy the protocol implements or breaks: it decides what the cell expects. */
    protected final AccountingPolicy policy;

    /** Subclasses: the setup runs in their constructor, after this one. */
    protected Cell(FreeProtocol protocol) {
        this.w = new TinyWorld(protocol);
        this.policy = protocol.policy();
    }

    /** The first actor. */
    public abstract String first();

    /** The second actor. */
    public abstract String second();

    /** Addresses of the blocks the cell still holds live once both actors are done. */
    protected abstract long[] live();

    /**
     * What the cell adds to the shared quiescent check (runs after {@link #settle()}): each
     * violation of the cell's own requirements is added to {@code found}.
     */
    protected void cellChecks(List<Violation> found) {
    }

    /**
     * The single-threaded follow-up at quiescence: what the allocator would do next on its own.
     * Under decrement-at-drain a remote free never reaches zero, so the periodic trimmer's next
     * pass is part of reclamation (I6); under decrement-at-free every release must already have
     * happened, at the zero transition or by the claim holder.
     */
    protected void settle() {
        if (policy == AccountingPolicy.DECREMENT_AT_DRAIN) {
            w.trim();
        }
    }

    /**
     * The arbiter: settle, then the shared quiescent check and the cell's own; {@code "ok"}, or
     * the names of every invariant found broken, causes first ({@code "I2 I1"}).
     */
    public final String arbiter() {
        try {
            List<Violation> found = violations();
            return found.isEmpty() ? "ok"
                    : found.stream().map(v -> v.invariant().name()).distinct().collect(Collectors.joining(" "));
        } catch (RuntimeException | Error e) {
            return token(e);
        }
    }

    /** The same as {@link #arbiter()}, but throws what was found, with the details (vmlens, JUnit). */
    public final void check() {
        List<Violation> found = violations();
        if (!found.isEmpty()) {
            throw InvariantViolation.of(found);
        }
    }

    private List<Violation> violations() {
        try {
            settle();
        } catch (RuntimeException e) {
            throw Classifier.asViolation(e, "the settling step failed");
        }
        List<Violation> found = new ArrayList<>(QuiescentChecker.check(w.environment(), live(), true));
        cellChecks(found);
        return found;
    }

    // ---------------------------------------------------------------- steps, as tokens

    /** Runs a step; an error becomes its invariant's name, or "error X". */
    protected final String step(Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException | Error e) {
            return token(e);
        }
    }

    private String token(Throwable e) {
        Invariant i = Classifier.of(e);
        return i != null ? i.name() : "error " + e.getClass().getSimpleName();
    }

    /** A free by {@code heap}: {@code local}, {@code remote}, {@code zero} or {@code released}. */
    protected final String free(ThreadHeap heap, long block) {
        return step(() -> switch (heap.free(block)) {
            case FreeProtocol.LOCAL -> "local";
            case FreeProtocol.REMOTE -> "remote";
            case FreeProtocol.REMOTE_ZERO -> "zero";
            case FreeProtocol.REMOTE_RELEASED -> "released";
            default -> "error outcome";
        });
    }

    /** A trim pass: {@code trim N} (SuperSlabs released by it). */
    protected final String trim() {
        return step(() -> "trim " + w.trim());
    }

    // ---------------------------------------------------------------- setup helpers

    /** Allocates {@code n} blocks of {@link TinyWorld#SIZE} with {@code heap}. */
    protected static long[] malloc(ThreadHeap heap, int n) {
        long[] blocks = new long[n];
        for (int i = 0; i < n; i++) {
            blocks[i] = heap.malloc(TinyWorld.SIZE);
        }
        return blocks;
    }

    /** Blocks that fill a whole tiny SuperSlab: 4 slabs of 4. */
    protected static final int SUPERSLAB_BLOCKS = TinyWorld.TINY.slabCount() * TinyWorld.PER_SLAB;

    /** The SuperSlab covering {@code block} among the live ones, or null if it was released. */
    protected final SuperSlab superSlabOf(long block) {
        for (SuperSlab ss : w.superSlabs()) {
            if (ss.contains(block)) {
                return ss;
            }
        }
        return null;
    }

    /** Adds a violation of {@code invariant} to {@code found} unless {@code holds}. */
    protected static void require(List<Violation> found, Invariant invariant, boolean holds, String what) {
        if (!holds) {
            found.add(new Violation(invariant, what));
        }
    }

    /** A block's short name for tokens: its index in the first SuperSlab ({@code b3}), or {@code n} for another one. */
    protected final String name(long block, long firstBase) {
        if (block == 0) {
            return "nothing";
        }
        long index = (block - firstBase) / TinyWorld.SIZE;
        return index >= 0 && index < SUPERSLAB_BLOCKS ? "b" + index : "n";
    }
}
