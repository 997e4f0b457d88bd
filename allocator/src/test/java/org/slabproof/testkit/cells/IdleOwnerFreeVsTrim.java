package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * The routing into an unpinned SuperSlab x the trimmer: the owner frees the last live block of
 * its own IDLE SuperSlab while the trimmer passes. The owner no longer has it pinned, so its free
 * must be remote (a local free would race the trimmer's claim on the local freelist); then, as in
 * {@link LastFreeVsTrim}, it is released exactly once, never with a live block (I5), and no later
 * than the trimmer's next pass (I6). Targets: local-free-into-idle (the free goes local: the count
 * keeps a credit no owner holds, I1, and never reaches zero, I6).
 */
public final class IdleOwnerFreeVsTrim extends Cell {
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final IdleSetup s;

    /** Setup: {@link IdleSetup}. */
    public IdleOwnerFreeVsTrim(FreeProtocol protocol) {
        super(protocol);
        s = IdleSetup.build(this, owner, x);
    }

    @Override
    public String first() {
        return free(owner, s.last());
    }

    @Override
    public String second() {
        return trim();
    }

    @Override
    protected long[] live() {
        return new long[] {s.next()};
    }
}
