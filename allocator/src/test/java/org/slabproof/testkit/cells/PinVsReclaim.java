package org.slabproof.testkit.cells;

import java.util.List;

import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * The owner's pin x a claim of its IDLE SuperSlab: the owner's current slab (in its second
 * SuperSlab) is full, so its malloc's slow path pins the first, IDLE one back to allocate from
 * the blocks freed into it; meanwhile another heap frees that SuperSlab's last live block (under
 * decrement-at-free a zero observer that claims it) and the trimmer passes (under
 * decrement-at-drain the claimant). One CAS wins: either the owner allocates from a SuperSlab it
 * has pinned, or the claimant releases it and the owner allocates elsewhere. Never both (I5),
 * never a touch after release (I4). Targets: pin-without-cas (I5, I4), claim-pinned (I5, I4).
 */
public final class PinVsReclaim extends Cell {
    private final ThreadHeap owner = w.heap();
    private final ThreadHeap x = w.heap();
    private final IdleSetup s;
    private final long[] second;
    private long got;

    /** Setup: {@link IdleSetup}, then the owner fills the slab it moved to. */
    public PinVsReclaim(FreeProtocol protocol) {
        super(protocol);
        s = IdleSetup.build(this, owner, x);
        second = malloc(owner, 3);
    }

    @Override
    public String first() {
        return step(() -> {
            got = owner.malloc(16);
            return s.idle().contains(got) ? "pinned" : "moved on";
        });
    }

    @Override
    public String second() {
        return free(x, s.last()) + ", " + trim();
    }

    @Override
    protected long[] live() {
        return new long[] {s.next(), second[0], second[1], second[2], got};
    }

    @Override
    protected void cellChecks(List<Violation> found) {
        SuperSlab idle = s.idle();
        if (idle.contains(got)) {
            require(found, Invariant.I5, owner.hasPinned(idle), "the owner allocated from " + idle
                    + " but no longer holds its pin: a claimant took it under the owner");
        }
    }
}
