package org.slabproof.proofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows explored in this test JVM, handed to {@link ProofReport} through
 * {@code target/proofs/results.tsv}. vmlens writes its report only after this JVM exits, so the
 * final tables are assembled there; the rows are also printed here as they come, so that a long
 * run shows its progress, and the proof run's table as the harness saw it is printed and written
 * to {@code target/proof-table.md} at the end of this JVM, marked as such, because a failing cell
 * fails the vmlens goal before {@link ProofReport} can replace it with the checked table.
 *
 * <p>The file: a line {@code proof} or {@code gate}, a line with the protocols of the run
 * (comma-separated), a line with the cells of a focused run or {@link #ALL_CELLS}, then one
 * {@link ProofRow#toTsv()} per exploration.
 */
final class ProofLog {
    /** Third line of the results file when the run was not narrowed to some cells. */
    static final String ALL_CELLS = "all";

    private static final List<ProofRow> ROWS = new ArrayList<>();

    private ProofLog() {
    }

    /** Records a row and prints it at once. */
    static synchronized void add(ProofRow row) {
        ROWS.add(row);
        System.out.println("proof " + row.vmlensName() + ": " + row.explored() + " interleavings, " + row.verdict()
                + (row.detail().isEmpty() ? "" : " (" + row.detail() + ")") + ", " + row.millis() + " ms");
    }

    /** The results file under the module's build directory. */
    static Path resultsFile(Path buildDirectory) {
        return buildDirectory.resolve("proofs").resolve("results.tsv");
    }

    /** Writes the results file (end of the test JVM). */
    static synchronized void flush() {
        List<String> lines = new ArrayList<>();
        lines.add(ProofConfig.gate() ? "gate" : "proof");
        lines.add(String.join(",", ProofConfig.protocols()));
        List<String> focus = ProofConfig.focus();
        lines.add(focus.isEmpty() ? ALL_CELLS : String.join(",", focus));
        for (ProofRow r : ROWS) {
            lines.add(r.toTsv());
        }
        Path file = resultsFile(ProofConfig.outputDirectory());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            if (!ProofConfig.gate()) {
                MarkdownTable table = new MarkdownTable("cell", "policy", "interleavings", "harness verdict", "ms");
                for (ProofRow r : ROWS) {
                    table.row(r.cell(), r.protocol(), Integer.toString(r.explored()),
                            r.verdict() + (r.detail().isEmpty() ? "" : ": " + r.detail()), Long.toString(r.millis()));
                }
                String text = "As the harness saw it, before vmlens's report is checked (the verify step replaces this"
                        + " table when every cell passed here).\n\n" + table;
                Files.writeString(ProofConfig.outputDirectory().resolve("proof-table.md"), text);
                System.out.println("\n" + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
