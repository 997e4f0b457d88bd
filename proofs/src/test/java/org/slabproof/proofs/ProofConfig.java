package org.slabproof.proofs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.slabproof.testkit.cells.Cells;
import org.slabproof.variants.KnownBadVariant;
import org.slabproof.variants.ProtocolCatalog;

/**
 * What a run explores, from system properties that the pom passes to the test JVM:
 * {@code proofs.protocol} (empty: the proof run, every cell under both correct policies;
 * comma-separated ids: the gate run, each protocol against the cells that target it),
 * {@code proofs.cells} (comma-separated cell ids to narrow either run, for focused runs),
 * {@code proofs.maxIterations} (the vmlens iteration cap), {@code proofs.cellSeconds} and
 * {@code proofs.variantCellSeconds} (the time budget of one cell's exploration under a correct
 * policy and under a known-bad variant) and {@code proofs.outputDirectory} (the module's build
 * directory).
 */
final class ProofConfig {
    private ProofConfig() {
    }

    /** True for a gate run ({@code -Dproofs.protocol=a,b,c}), false for the proof run. */
    static boolean gate() {
        return !System.getProperty("proofs.protocol", "").isBlank();
    }

    /** The protocols this run explores, in order; each id is checked against the catalogue. */
    static List<String> protocols() {
        if (!gate()) {
            return ProtocolCatalog.correctIds();
        }
        List<String> ids = split(System.getProperty("proofs.protocol"));
        ids.forEach(ProtocolCatalog::create);  // fails fast, listing the known ids, on a typo
        return ids;
    }

    /**
     * The cells run against {@code protocol}, in table order: every cell for a correct policy,
     * the cells its catalogue entry lists for a known-bad variant, narrowed by {@code proofs.cells}.
     */
    static List<Cells> cells(String protocol) {
        return cells(protocol, focus());
    }

    /** {@link #cells(String)} for the focus {@code only} (empty: no focus). */
    static List<Cells> cells(String protocol, List<String> only) {
        List<Cells> cells = ProtocolCatalog.correctIds().contains(protocol) ? List.of(Cells.values())
                : KnownBadVariant.fromId(protocol).cells().stream().map(Cells::fromId).sorted().toList();
        return only.isEmpty() ? cells : cells.stream().filter(c -> only.contains(c.id())).toList();
    }

    /** The cell ids of a focused run ({@code -Dproofs.cells}), empty for all; each must exist. */
    static List<String> focus() {
        return parseFocus(System.getProperty("proofs.cells", ""));
    }

    /** Comma-separated cell ids as a list, each checked against the matrix. */
    static List<String> parseFocus(String list) {
        List<String> ids = split(list);
        ids.forEach(Cells::fromId);
        return ids;
    }

    /** The iteration cap; a cell that reaches it is not proven. */
    static int maxIterations() {
        return Integer.getInteger("proofs.maxIterations", 5000);
    }

    /**
     * The time budget of one cell's exploration under {@code protocol}, in seconds: a cell still
     * exploring when it is used up is bounded, not proven (checked between interleavings, and by
     * the {@link Watchdog} within one). A correct policy's budget keeps the proof run short; a
     * known-bad variant's is a search for its bug, which some cells find only after a minute.
     */
    static int cellSeconds(String protocol) {
        return ProtocolCatalog.correctIds().contains(protocol) ? Integer.getInteger("proofs.cellSeconds", 15)
                : variantCellSeconds();
    }

    /** The budget of a search for a known-bad variant's bug (and of the {@link EngineCheck}'s). */
    static int variantCellSeconds() {
        return Integer.getInteger("proofs.variantCellSeconds", 120);
    }

    /** The property that sets {@link #cellSeconds(String)} for {@code protocol}. */
    static String cellSecondsProperty(String protocol) {
        return ProtocolCatalog.correctIds().contains(protocol) ? "proofs.cellSeconds" : "proofs.variantCellSeconds";
    }

    /** Where the results go (the module's {@code target}). */
    static Path outputDirectory() {
        return Path.of(System.getProperty("proofs.outputDirectory", "target"));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
