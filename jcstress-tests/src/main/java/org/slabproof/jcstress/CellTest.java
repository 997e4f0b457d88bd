package org.slabproof.jcstress;

import java.util.Locale;

import org.slabproof.testkit.cells.Cell;
import org.slabproof.testkit.cells.Cells;
import org.slabproof.variants.ProtocolCatalog;

/**
 * Base of every test class of the matrix: one fresh cell of the test kit per jcstress sample,
 * running the protocol the nested test class is named after.
 *
 * <p>Implementation notes. The protocol id is derived from the nested class's simple name
 * ({@code DecrementAtFree} runs {@code decrement-at-free}, {@code RacyPush} runs
 * {@code racy-push}), so the name {@code ci/jcstress-gate --protocol} selects and the protocol
 * actually run cannot disagree; an unknown name fails the sample at once (through
 * {@link ProtocolCatalog#create}). jcstress only sees {@code @Actor} and {@code @Arbiter} methods
 * declared in the test class itself, not inherited ones, so each nested class repeats the three
 * one-line calls into {@link #cell}; the cell itself (setup, steps, tokens, the quiescent check)
 * is the test kit's, written once.
 */
public abstract class CellTest {
    /** Protocol id per test class, computed once per class rather than per sample. */
    private static final ClassValue<String> PROTOCOL_IDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> testClass) {
            return protocolId(testClass.getSimpleName());
        }
    };

    /** This sample's cell: set up by real allocator steps, actors not run yet. */
    protected final Cell cell;

    /** Subclasses: the matrix's test classes, one per cell. */
    protected CellTest(Cells kind) {
        cell = kind.create(ProtocolCatalog.create(PROTOCOL_IDS.get(getClass())));
    }

    /** The protocol id a nested test class runs, from its simple name: {@code RacyPush} -> {@code racy-push}. */
    public static String protocolId(String simpleName) {
        return simpleName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
