package org.slabproof.cells;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.testkit.cells.Cell;
import org.slabproof.testkit.cells.Cells;

/**
 * Every cell of the interleaving matrix, under both policies, with its two actors run one after
 * the other in both orders: the two interleavings with no overlap at all. The concurrent ones are
 * jcstress's, vmlens's and Lincheck's; these two must hold first, and a failure here names the
 * invariant in the simplest form a reader can replay.
 */
class CellsInSequenceTest {
    @TestFactory
    Stream<DynamicTest> everyCellInBothOrders() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Cells kind : Cells.values()) {
            for (AccountingPolicy policy : AccountingPolicy.values()) {
                for (boolean firstFirst : new boolean[] {true, false}) {
                    String name = kind.id() + " [" + policy.id() + "] " + (firstFirst ? "first, second" : "second, first");
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Cell cell = kind.create(FreeProtocol.of(policy));
                        String a;
                        String b;
                        if (firstFirst) {
                            a = cell.first();
                            b = cell.second();
                        } else {
                            b = cell.second();
                            a = cell.first();
                        }
                        assertFalse(a.matches("I[1-6]|error .*"), name + ": first actor: " + a);
                        assertFalse(b.matches("I[1-6]|error .*"), name + ": second actor: " + b);
                        cell.check();
                    }));
                }
            }
        }
        return tests.stream();
    }
}
