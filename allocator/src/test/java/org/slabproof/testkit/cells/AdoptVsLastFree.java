package org.slabproof.testkit.cells;

import java.util.List;

import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.SuperSlab;

/**
 * Adoption x the last remote free: an abandoned SuperSlab holds one live block a; a heap's malloc
 * adopts it (claim, drain, occupancy rule, own) while another heap frees a. Under
 * decrement-at-free that free sees zero: if the adopter holds the claim, the free's release
 * attempt must fail (I5) and the adopter owns an empty SuperSlab; if the free claimed first, it
 * releases it and the adopter maps a new one. Never released while adopted, never touched after
 * release (I4). Targets: check-then-release (releases on zero without the claim, under the
 * adopter: I5, I4), adopt-without-claim (the adopter takes it without a CAS while the zero
 * observer releases it: I5, I4).
 */
public final class AdoptVsLastFree extends Cell {
    private final ThreadHeap adopter = w.heap();
    private final ThreadHeap x = w.heap();
    private final long a;
    private final SuperSlab abandoned;
    private long got;

    /** Setup: the owner allocates a and exits. */
    public AdoptVsLastFree(FreeProtocol protocol) {
        super(protocol);
        ThreadHeap owner = w.heap();
        a = owner.malloc(16);
        owner.close();
        abandoned = superSlabOf(a);
    }

    @Override
    public String first() {
        return step(() -> {
            got = adopter.malloc(16);
            return abandoned.contains(got) ? "adopted" : "mapped";
        });
    }

    @Override
    public String second() {
        return free(x, a);
    }

    @Override
    protected long[] live() {
        return new long[] {got};
    }

    @Override
    protected void cellChecks(List<Violation> found) {
        if (abandoned.contains(got)) {
            require(found, Invariant.I5, adopter.hasPinned(abandoned), "the adopter allocated from " + abandoned
                    + " without owning it");
        }
    }
}
