package org.slabproof.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slabproof.variants.ProtocolCatalog;

/**
 * The verify step (run by the exec plugin after the vmlens goal wrote its report): joins the
 * harness's rows with vmlens's report, prints the proof table and writes it to
 * {@code target/proof-table.md}, or for a gate run the caught/missed table to
 * {@code target/proof-variants/<id>.md}; fails the build when a proof is incomplete or a variant
 * was caught.
 *
 * <p>Implementation notes. vmlens 1.2.17 reports exploration limits only as text in the result
 * column of {@code index.html} ("Maximum Iterations Reached", "Maximum Alternating Orders
 * Reached:n", "Synchronized Action Loop", "Non Volatile Action Loop", a not-yet-implemented
 * construct); any of them means some interleavings were not run, so the row is no proof.
 * "Blocked" is a per-run note (vmlens's {@code TEST_BLOCKED}: a run could not follow its planned
 * order; it appears on the cells with CAS retries or claim/unclaim loops), not an exploration limit:
 * it is shown in the table for the reader to judge, not counted against the proof. Any result text
 * this class does not know is counted against it. The harness's own count must equal vmlens's, or
 * the two disagree about what was explored.
 */
public final class ProofReport {
    private static final Pattern ROW = Pattern.compile(
            "<tr>\\s*<td>\\d+</td>\\s*<td><a href=\"([^\"]+)\">([^<]+)</a></td>\\s*<td>(\\d+)</td>\\s*<td>(.*?)</td>",
            Pattern.DOTALL);

    private ProofReport() {
    }

    /** One row of vmlens's index: its page, its count and its result text. */
    private record VmlensRow(String page, int count, String result) {
        boolean dataRace() {
            return result.contains("Data race");
        }

        /** The result's parts that say exploration stopped short. */
        List<String> limits() {
            List<String> limits = new ArrayList<>();
            for (String part : result.split(",")) {
                String p = part.trim();
                if (!p.isEmpty() && !p.equals("Success") && !p.equals("Blocked") && !p.equals("Data race")
                        && !p.equals("Failure")) {
                    limits.add(p);
                }
            }
            return limits;
        }
    }

    /**
     * @param args the module's build directory, vmlens's report directory, vmlens's version and
     *             the gate protocol ({@value ProofLog#PROOF_RUN} for the proof run)
     */
    public static void main(String[] args) throws IOException {
        Path build = Path.of(args[0]);
        Path report = Path.of(args[1]);
        String vmlensVersion = args[2];
        String requested = args[3].equals(ProofLog.PROOF_RUN) ? null : args[3];
        Path results = ProofLog.resultsFile(build, requested);
        if (!Files.exists(results)) {
            throw new IllegalStateException("no " + results + ": the proofs did not run (skipped tests?)");
        }
        List<String> lines = Files.readAllLines(results);
        String gate = lines.get(0).equals(ProofLog.PROOF_RUN) ? null : lines.get(0);
        boolean focused = !lines.get(1).equals(ProofLog.ALL_CELLS);
        List<ProofRow> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            rows.add(ProofRow.fromTsv(line));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("nothing was explored (see the test failures above, e.g. the engine check)");
        }
        Map<String, VmlensRow> vmlens = readIndex(report.resolve("index.html"));
        if (gate == null) {
            proofRun(rows, focused, vmlens, report, build, vmlensVersion);
        } else {
            gateRun(gate, rows, focused, vmlens, report, build);
        }
    }

    private static Map<String, VmlensRow> readIndex(Path index) throws IOException {
        if (!Files.exists(index)) {
            throw new IllegalStateException("no vmlens report at " + index + ": if the vmlens goal logged \"No VMLens"
                    + " tests run.\", the agent's events were lost at JVM exit (seen once in about 25 runs); rerun");
        }
        Map<String, VmlensRow> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(index));
        while (m.find()) {
            String result = m.group(4).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").replace(" ,", ",").trim();
            rows.put(m.group(2).trim(), new VmlensRow(m.group(1), Integer.parseInt(m.group(3)), result));
        }
        return rows;
    }

    private static void proofRun(List<ProofRow> rows, boolean focused, Map<String, VmlensRow> vmlens, Path report,
            Path build, String vmlensVersion) throws IOException {
        MarkdownTable table = new MarkdownTable("scenario", "races", "policy", "interleavings explored", "result",
                "vmlens", "ms");
        List<String> problems = new ArrayList<>();
        for (String policy : ProtocolCatalog.correctIds()) {
            for (Cells cell : Cells.values()) {
                if (!focused && rows.stream().noneMatch(r -> r.cell().equals(cell.id()) && r.protocol().equals(policy))) {
                    problems.add(TwoThreadProof.vmlensName(cell.id(), policy) + " was not explored");
                }
            }
        }
        for (ProofRow r : rows) {
            VmlensRow v = vmlens.get(r.vmlensName());
            String problem = r.verdict() != Verdict.PROVEN ? r.verdict() + ": " + r.detail()
                    : v == null ? "missing from the vmlens report"
                    : v.dataRace() ? "data race, see " + report.resolve(v.page())
                    : !v.limits().isEmpty() ? "exploration incomplete: " + String.join(", ", v.limits())
                    : v.count() != r.explored() ? "vmlens counted " + v.count() + " interleavings, the harness "
                            + r.explored()
                    : null;
            if (problem != null) {
                problems.add(r.vmlensName() + ": " + problem);
            }
            table.row(r.cell(), r.races(), r.protocol(), Integer.toString(r.explored()),
                    problem == null ? "proven: all interleavings, invariants held" : "NOT PROVEN: " + problem,
                    v == null ? "-" : v.result(), Long.toString(r.millis()));
        }
        String text = (focused ? "Focused run, not the whole matrix. " : "") + "Proof table: every interleaving vmlens " + vmlensVersion + " explored of each two-thread cell "
                + "(cap " + (rows.isEmpty() ? "-" : rows.get(0).cap()) + " interleavings).\n\n" + table;
        Files.writeString(build.resolve("proof-table.md"), text);
        System.out.println("\n" + text + "\nWritten to " + build.resolve("proof-table.md"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("not proven:\n  " + String.join("\n  ", problems));
        }
    }

    private static void gateRun(String protocol, List<ProofRow> rows, boolean focused, Map<String, VmlensRow> vmlens,
            Path report, Path build) throws IOException {
        MarkdownTable table = new MarkdownTable("cell", "races", "interleavings", "outcome", "how", "report");
        int caught = 0;
        int inconclusive = 0;
        for (Cells cell : Cells.values()) {
            if (!focused && rows.stream().noneMatch(r -> r.cell().equals(cell.id()))) {
                inconclusive++;
                table.row(cell.id(), cell.races(), "0", "inconclusive", "not explored (see the test failures)", "-");
            }
        }
        for (ProofRow r : rows) {
            VmlensRow v = vmlens.get(r.vmlensName());
            String page = v == null ? "-" : report.resolve(v.page()).toString();
            String outcome;
            String how;
            if (r.verdict() == Verdict.VIOLATED || (v != null && v.dataRace())) {
                caught++;
                outcome = "caught";
                how = r.verdict() == Verdict.VIOLATED ? r.detail() : "vmlens data race";
            } else if (r.verdict() == Verdict.PROVEN && v != null && v.limits().isEmpty()) {
                outcome = "missed";
                how = "every interleaving kept the invariants";
            } else {
                inconclusive++;
                outcome = "inconclusive";
                how = r.verdict() != Verdict.PROVEN ? r.detail()
                        : v == null ? "missing from the vmlens report" : String.join(", ", v.limits());
            }
            table.row(r.cell(), r.races(), Integer.toString(r.explored()), outcome, how, page);
        }
        Path out = build.resolve("proof-variants").resolve(protocol + ".md");
        Files.createDirectories(out.getParent());
        String text = "Protocol " + protocol + " against every two-thread cell: caught by " + caught + " of "
                + rows.size() + " cells" + (inconclusive > 0 ? ", " + inconclusive + " inconclusive" : "")
                + ". vmlens report: " + report + "\n\n" + table;
        Files.writeString(out, text);
        System.out.println("\n" + text + "\nWritten to " + out);
        if (caught > 0) {
            throw new IllegalStateException(protocol + " caught by " + caught + " of " + rows.size() + " cells");
        }
        if (inconclusive > 0) {
            throw new IllegalStateException(protocol + ": " + inconclusive + " cells inconclusive, none caught");
        }
    }
}
