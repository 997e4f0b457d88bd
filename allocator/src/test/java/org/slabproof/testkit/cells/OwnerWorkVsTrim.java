package org.slabproof.testkit.cells;

import java.util.List;

import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * A live owner's fast path x the trimmer: the owner frees its block and allocates again while a
 * trimmer pass runs (reaping dead heaps, reclaiming what looks empty). The owner's thread lives
 * and its SuperSlab is pinned: the pass must leave both alone (I5), whatever the count reads.
 * Targets: reap-live-owner (the reaper closes a live thread's heap under it, I5), claim-pinned
 * (I5).
 */
public final class OwnerWorkVsTrim extends Cell {
    private final ThreadHeap owner = w.heap();
    private final long a;
    private final SuperSlab ss;
    private long got;

    /** Setup: the owner allocates a. */
    public OwnerWorkVsTrim(FreeProtocol protocol) {
        super(protocol);
        a = owner.malloc(16);
        ss = superSlabOf(a);
    }

    @Override
    public String first() {
        return free(owner, a) + ", " + step(() -> {
            got = owner.malloc(16);
            return ss.contains(got) ? "got same" : "got other";
        });
    }

    @Override
    public String second() {
        return trim();
    }

    @Override
    protected long[] live() {
        return new long[] {got};
    }

    @Override
    protected void cellChecks(List<Violation> found) {
        require(found, Invariant.I5, owner.hasPinned(ss) && !owner.isClosed(), "the trimmer took the live owner's pinned "
                + ss + (owner.isClosed() ? " (and closed its heap)" : ""));
    }
}
