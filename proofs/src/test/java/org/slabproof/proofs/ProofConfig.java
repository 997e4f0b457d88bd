package org.slabproof.proofs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.slabproof.variants.ProtocolCatalog;

/**
 * What a run proves, from system properties that the pom passes to the test JVM:
 * {@code proofs.protocol} (empty: both correct policies, the proof run; an id: that protocol only,
 * the mutation gate's run), {@code proofs.maxIterations} (the vmlens iteration cap) and
 * {@code proofs.cells} (comma-separated cell ids to run only those, for focused runs; empty: all)
 * and {@code proofs.outputDirectory} (the module's build directory).
 */
final class ProofConfig {
    private ProofConfig() {
    }

    /** The protocol of a gate run, or null for the proof run over both correct policies. */
    static String gateProtocol() {
        String id = System.getProperty("proofs.protocol", "").trim();
        if (id.isEmpty()) {
            return null;
        }
        ProtocolCatalog.create(id);            // fails fast, listing the known ids, on a typo
        return id;
    }

    /** The protocols this run explores. */
    static List<String> protocols() {
        String id = gateProtocol();
        return id == null ? ProtocolCatalog.correctIds() : List.of(id);
    }

    /** The cells this run explores, in table order. */
    static List<Cells> cells() {
        String only = System.getProperty("proofs.cells", "").trim();
        if (only.isEmpty()) {
            return List.of(Cells.values());
        }
        List<String> ids = Arrays.stream(only.split(",")).map(String::trim).toList();
        List<Cells> cells = Arrays.stream(Cells.values()).filter(c -> ids.contains(c.id())).toList();
        if (cells.size() != ids.size()) {
            throw new IllegalArgumentException("proofs.cells=" + only + " names an unknown cell; known: "
                    + Arrays.stream(Cells.values()).map(Cells::id).toList());
        }
        return cells;
    }

    /** The iteration cap; a cell that reaches it is not proven. */
    static int maxIterations() {
        return Integer.getInteger("proofs.maxIterations", 5000);
    }

    /** Where the results go (the module's {@code target}). */
    static Path outputDirectory() {
        return Path.of(System.getProperty("proofs.outputDirectory", "target"));
    }
}
