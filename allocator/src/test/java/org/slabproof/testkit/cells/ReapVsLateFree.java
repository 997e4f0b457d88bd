package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.TinyWorld;

/**
 * The reaper x a late remote free: the owner's thread died without closing its heap, with a still
 * live; another heap frees a while the trimmer's pass reaps the dead heap (closing it for its
 * thread: return credit, abandon, release if empty). Released exactly once (I3), by the end of the
 * next pass at the latest (I6). Targets: exit-leaves-pinned (the dead owner's SuperSlab stays
 * pinned forever, I6), lost-credit (I1), seed-missing-remote-dec (I1, I6).
 */
public final class ReapVsLateFree extends Cell {
    private final ThreadHeap x = w.heap();
    private final long a;

    /** Setup: a mortal owner allocates a and b, frees b, and dies. */
    public ReapVsLateFree(FreeProtocol protocol) {
        super(protocol);
        TinyWorld.MortalHeap mortal = w.mortalHeap();
        long[] blocks = malloc(mortal.heap(), 2);
        a = blocks[0];
        mortal.heap().free(blocks[1]);
        mortal.die();
    }

    @Override
    public String first() {
        return free(x, a);
    }

    @Override
    public String second() {
        return trim();
    }

    @Override
    protected long[] live() {
        return new long[0];
    }
}
