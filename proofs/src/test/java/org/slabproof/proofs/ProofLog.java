package org.slabproof.proofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows explored in this test JVM, handed to {@link ProofReport} through
 * {@code target/proofs/results.tsv}, or {@code results-<id>.tsv} for a gate run so that gate runs
 * of several protocols keep their own. vmlens writes its report only after this JVM exits, so the
 * final table is assembled there; the rows are also printed here, so that a run which vmlens fails
 * afterwards for a data race still shows what was explored.
 */
final class ProofLog {
    /**
     * First line of the results file: the gate protocol, or {@link #PROOF_RUN}; the second names
     * the cells of a focused run, or is {@link #ALL_CELLS}.
     */
    static final String PROOF_RUN = "-";
    /** Second line of the results file when every cell ran. */
    static final String ALL_CELLS = "all";

    private static final List<ProofRow> ROWS = new ArrayList<>();

    private ProofLog() {
    }

    /** Records a row and prints it at once (a long run shows its progress). */
    static synchronized void add(ProofRow row) {
        ROWS.add(row);
        System.out.println("proof " + row.vmlensName() + ": " + row.explored() + " interleavings, " + row.verdict()
                + (row.detail().isEmpty() ? "" : " (" + row.detail() + ")") + ", " + row.millis() + " ms");
    }

    /** The results file under the module's build directory, for a gate protocol or null. */
    static Path resultsFile(Path buildDirectory, String gate) {
        return buildDirectory.resolve("proofs").resolve(gate == null ? "results.tsv" : "results-" + gate + ".tsv");
    }

    /** Writes the results file and prints the rows (end of the test JVM). */
    static synchronized void flush() {
        String gate = ProofConfig.gateProtocol();
        List<String> lines = new ArrayList<>();
        lines.add(gate == null ? PROOF_RUN : gate);
        List<Cells> cells = ProofConfig.cells();
        lines.add(cells.size() == Cells.values().length ? ALL_CELLS
                : String.join(",", cells.stream().map(Cells::id).toList()));
        MarkdownTable table = new MarkdownTable("cell", "protocol", "interleavings", "harness verdict", "ms");
        for (ProofRow r : ROWS) {
            lines.add(r.toTsv());
            String verdict = gate != null && r.verdict() == Verdict.PROVEN
                    ? "no invariant broken (a data race would be reported by vmlens after this JVM)"
                    : r.verdict() + (r.detail().isEmpty() ? "" : ": " + r.detail());
            table.row(r.cell(), r.protocol(), Integer.toString(r.explored()), verdict, Long.toString(r.millis()));
        }
        Path file = resultsFile(ProofConfig.outputDirectory(), gate);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\nExplored in the test JVM (vmlens's own report is checked in the verify phase):\n"
                + table);
    }
}
