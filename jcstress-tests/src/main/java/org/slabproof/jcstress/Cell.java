package org.slabproof.jcstress;

import java.util.Locale;
import java.util.function.Supplier;

import org.slabproof.AccountingViolationException;
import org.slabproof.CorruptedRemoteStackException;
import org.slabproof.DoubleFreeException;
import org.slabproof.superslab.RemoteStack;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.testkit.ProtocolFixture;
import org.slabproof.variants.ProtocolCatalog;

/**
 * Base of every cell of the interleaving matrix: one fresh {@link ProtocolFixture} per jcstress
 * sample, running the protocol the concrete test class is named after, and the steps its actors
 * and arbiter take, each turned into a short outcome token instead of an exception.
 *
 * <p>Implementation notes. jcstress only sees {@code @Actor} and {@code @Arbiter} methods declared
 * in the test class itself, not inherited ones, so each nested test class repeats its two actors
 * and its arbiter as one-line calls into the steps below; everything else lives here once.
 *
 * <p>The protocol id is derived from the nested class's simple name ({@code DecrementAtFree} runs
 * {@code "decrement-at-free"}, {@code RacyPush} runs {@code "racy-push"}), so the name that
 * {@code ci/jcstress-gate --protocol} selects and the protocol actually run cannot disagree. An
 * unknown name fails the sample at once (through {@link ProtocolCatalog#create}).
 *
 * <p>Steps never throw: a violation the allocator detects itself becomes an outcome token, so
 * that jcstress grades it against the outcome table (FORBIDDEN) rather than reporting an ERROR
 * that says nothing about which invariant broke. Tokens:
 * <ul>
 * <li>{@code touched-after-release}: an access through the SuperSlab's memory after its arena was
 *     closed by a release (I4), including a second release;</li>
 * <li>{@code count-below-zero}: a decrement found fewer active blocks than it subtracts (I1);</li>
 * <li>{@code corrupted-stack}: a drain walked into something that is not a block of the slab (I2);</li>
 * <li>{@code double-free}: a block was freed that is not live (I2);</li>
 * <li>{@code illegal-state}: a lifecycle step out of order on live memory, e.g. a release of a
 *     SuperSlab that is not claimed (I5).</li>
 * </ul>
 */
public abstract class Cell {
    /** Protocol id per test class, computed once per class rather than per sample. */
    private static final ClassValue<String> PROTOCOL_IDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> testClass) {
            return testClass.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    };

    /** This sample's SuperSlab: 2 formatted slabs of 4 blocks, owned by {@code f.owner}. */
    protected final ProtocolFixture f = ProtocolFixture.of(PROTOCOL_IDS.get(getClass()));

    /** Subclasses only: the cells. */
    protected Cell() {
    }

    // ---------------------------------------------------------------- actor steps

    /** A remote free (any thread but the owner): {@code zero} if its decrement made the count zero, else {@code freed}. */
    protected final String freeRemote(long block) {
        return guard(() -> f.freeRemote(block) ? "zero" : "freed");
    }

    /**
     * A remote free as the heap does it: the thread whose free made the count zero then tries to
     * release the SuperSlab (I6 at the zero transition).
     */
    protected final String freeRemoteThenReclaim(long block) {
        return guard(() -> !f.freeRemote(block) ? "freed" : f.reclaim() ? "zero, released" : "zero, kept");
    }

    /** An owner free: {@code zero} if it made the count zero, else {@code freed}. */
    protected final String freeLocal(long block) {
        return guard(() -> f.freeLocal(block) ? "zero" : "freed");
    }

    /** The owner drains slab {@code slab}: {@code drained N}. */
    protected final String drain(int slab) {
        return guard(() -> "drained " + f.drain(slab));
    }

    /**
     * The owner's allocation slow path on slab {@code slab}, as the heap does it: drain the remote
     * stack only when no local block is left, then allocate. {@code got x} names the block.
     */
    protected final String drainThenAllocate(int slab) {
        return guard(() -> {
            if (!f.slab(slab).hasLocalBlock()) {
                f.drain(slab);
            }
            return "got " + name(f.allocate(slab));
        });
    }

    /** A trim sweep (or any reclaim attempt): {@code released} if this call released the SuperSlab, else {@code kept}. */
    protected final String reclaim() {
        return guard(() -> f.reclaim() ? "released" : "kept");
    }

    /**
     * Adoption as the heap does it (claim, drain, take ownership), then an allocation from slab 0
     * of the adopted SuperSlab: {@code adopted, got x}, or {@code lost claim}.
     */
    protected final String adoptThenAllocate(Object heap) {
        return guard(() -> f.adopt(heap) ? "adopted, got " + name(f.allocate(0)) : "lost claim");
    }

    /**
     * The owner thread exits, as the heap's close does it: drain what is still its own, abandon,
     * release at once if empty. {@code released}, or {@code abandoned} (left to the zero
     * transition, an adopter or the trimmer).
     */
    protected final String exitOwner() {
        return guard(() -> {
            f.ss.drainAll();
            f.abandon();
            return f.reclaim() ? "released" : "abandoned";
        });
    }

    // ---------------------------------------------------------------- arbiter views (quiescent)

    /** Slab {@code slab}'s remote stack as the arbiter sees it: {@code stack L count C} (length walked, remote count). */
    protected final String stack(int slab) {
        return guard(() -> "stack " + stackLength(slab) + " count " + f.slab(slab).remote().count());
    }

    /**
     * The SuperSlab count as the policy leaves it, then {@link #settle}: {@code active N, settled}.
     */
    protected final String activeThenSettle(int live) {
        return "active " + f.active() + ", " + settle(live);
    }

    /**
     * The owner's next look at a quiescent SuperSlab holding {@code live} live blocks: drain every
     * slab, then check I2 (no freed block lost: blocks in use equal the live ones; the per-slab
     * equation of {@code Slab.validate}) and I1 (the count equals the live blocks).
     *
     * @return {@code settled}, {@code released}, {@code I2 broken}, {@code I1 broken} or a token
     */
    protected final String settle(int live) {
        return guard(() -> {
            if (f.ss.state() == SuperSlab.RELEASED) {
                return "released";
            }
            f.ss.drainAll();
            int inUse = 0;
            for (int i = 0; i < f.ss.formattedSlabs(); i++) {
                inUse += f.slab(i).used();
            }
            String problem = f.validate();
            if (inUse != live || (problem != null && !problem.endsWith("(I1)"))) {
                return "I2 broken";
            }
            return problem == null && f.active() == live ? "settled" : "I1 broken";
        });
    }

    /**
     * I6 by the periodic trimmer, then I3: one more sweep if no actor released the SuperSlab, then
     * how many releases there were: {@code released once}, {@code released by the next sweep},
     * {@code never released, active N} or {@code N releases}.
     */
    protected final String sweepThenCountReleases() {
        String sweep = f.releases() == 0 ? reclaim() : "not needed";
        int releases = f.releases();
        if (!sweep.equals("released") && !sweep.equals("kept") && !sweep.equals("not needed")) {
            return "next sweep: " + sweep;
        }
        if (releases == 1) {
            return sweep.equals("released") ? "released by the next sweep" : "released once";
        }
        return releases == 0 ? "never released, active " + f.active() : releases + " releases";
    }

    // ---------------------------------------------------------------- helpers

    /** Letter of a block by address (a..d in slab 0, e..h in slab 1, in carving order), {@code nothing} for 0. */
    protected final String name(long block) {
        return block == 0 ? "nothing" : String.valueOf((char) ('a' + (block - f.ss.base()) / f.slab(0).blockSize()));
    }

    /** Length of slab {@code slab}'s remote stack, walked at most capacity links; -1 if longer (corrupt). */
    private int stackLength(int slab) {
        RemoteStack remote = f.slab(slab).remote();
        int n = 0;
        for (long b = remote.peekHead(); b != 0; b = remote.link(b)) {
            if (++n > f.slab(slab).capacity()) {
                return -1;
            }
        }
        return n;
    }

    /** Runs a step; an invariant violation the allocator detects becomes its token (see the class comment). */
    private String guard(Supplier<String> step) {
        try {
            return step.get();
        } catch (AccountingViolationException e) {
            return "count-below-zero";
        } catch (CorruptedRemoteStackException e) {
            return "corrupted-stack";
        } catch (DoubleFreeException e) {
            return "double-free";
        } catch (IllegalStateException e) {
            // A closed arena is how the allocator makes a touch after release visible (I4).
            return f.ss.memory().scope().isAlive() ? "illegal-state" : "touched-after-release";
        }
    }
}
