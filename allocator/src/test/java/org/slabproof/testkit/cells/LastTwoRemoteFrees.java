package org.slabproof.testkit.cells;

import java.util.List;

import org.slabproof.AccountingPolicy;
import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.FreeProtocol;

/**
 * The zero race: an abandoned SuperSlab holds its last two live blocks, and two other heaps free
 * them at once. Under decrement-at-free exactly one free sees the count reach zero (I3) and
 * releases the SuperSlab then and there; under decrement-at-drain neither does, and the trimmer's
 * next pass releases it (I6). Targets: double-zero (both see zero, I3), seed-missing-remote-dec
 * (nobody sees zero, nothing is released: I1, I6).
 */
public final class LastTwoRemoteFrees extends Cell {
    private final long a;
    private final long b;
    private final ThreadHeap x = w.heap();
    private final ThreadHeap y = w.heap();
    private String firstSaw = "";
    private String secondSaw = "";

    /** Setup: the owner allocates a and b and exits. */
    public LastTwoRemoteFrees(FreeProtocol protocol) {
        super(protocol);
        ThreadHeap owner = w.heap();
        long[] blocks = malloc(owner, 2);
        a = blocks[0];
        b = blocks[1];
        owner.close();
    }

    @Override
    public String first() {
        return firstSaw = free(x, a);
    }

    @Override
    public String second() {
        return secondSaw = free(y, b);
    }

    @Override
    protected long[] live() {
        return new long[0];
    }

    @Override
    protected void cellChecks(List<Violation> found) {
        int zeros = (sawZero(firstSaw) ? 1 : 0) + (sawZero(secondSaw) ? 1 : 0);
        require(found, Invariant.I3, zeros <= 1, "both frees saw the count reach zero");
        if (policy == AccountingPolicy.DECREMENT_AT_FREE) {
            require(found, Invariant.I1, zeros == 1, "the last free of the last live block did not see zero");
        } else {
            require(found, Invariant.I1, zeros == 0, "a remote free changed the count, which only a drain may do");
        }
    }

    private static boolean sawZero(String token) {
        return token.equals("zero") || token.equals("released");
    }
}
