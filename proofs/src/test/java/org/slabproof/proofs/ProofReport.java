package org.slabproof.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slabproof.Invariant;
import org.slabproof.testkit.cells.Cells;
import org.slabproof.variants.KnownBadVariant;
import org.slabproof.variants.ProtocolCatalog;

/**
 * The verify step, run after vmlens has written its report: joins the harness's rows with
 * vmlens's report and writes the tables. For the proof run: the proof table, printed and written
 * to {@code target/proof-table.md}; the build fails unless every cell under both correct policies
 * is proven. For a gate run: per protocol the caught/missed table
 * {@code target/proof-variants/<id>.md} and one line of {@code target/proof-variants/verdicts.tsv}
 * ({@code id<TAB>verdict<TAB>invariants}); the build fails only when a protocol's verdict is
 * {@link GateVerdict#ERROR}, because caught and missed are the gate's data, not this build's.
 *
 * <p>What counts. A cell is proven only if the harness explored it to the end without a failing
 * interleaving and vmlens reports no data race, no exploration limit and the same count. A cell
 * catches a protocol only when what failed names an invariant: a failing interleaving whose
 * violation carries one, or a data race on a field that {@link RaceMapping} maps to one. A
 * failure naming no invariant, a cap, a limit or a missing report row is inconclusive.
 */
public final class ProofReport {
    private ProofReport() {
    }

    /** A protocol's verdict in a gate run. */
    enum GateVerdict {
        /** Some cell's failure named an invariant. */
        CAUGHT,
        /** Every cell was explored completely and nothing failed. */
        MISSED,
        /** Nothing named an invariant, and some cell could not be judged. */
        ERROR
    }

    /** One cell's row judged against vmlens's report. */
    private record Finding(ProofRow row, VmlensReport.Test test, Set<Invariant> named, String problem) {
        /** Explored completely, nothing failed, no race: a proof, or (for a known-bad variant) a miss. */
        boolean clean() {
            return problem == null;
        }
    }

    /**
     * @param args the module's build directory, vmlens's report directory and vmlens's version
     */
    public static void main(String[] args) throws IOException {
        Path build = Path.of(args[0]);
        Path reportDirectory = Path.of(args[1]);
        String vmlensVersion = args[2];
        Path results = ProofLog.resultsFile(build);
        if (!Files.exists(results)) {
            throw new IllegalStateException("no " + results + ": the proofs did not run (skipped tests?)");
        }
        List<String> lines = Files.readAllLines(results);
        boolean gate = lines.get(0).equals("gate");
        List<String> protocols = Arrays.asList(lines.get(1).split(","));
        List<String> focus = lines.get(2).equals(ProofLog.ALL_CELLS) ? List.of()
                : ProofConfig.parseFocus(lines.get(2));
        List<ProofRow> rows = lines.subList(3, lines.size()).stream().map(ProofRow::fromTsv).toList();
        VmlensReport report = VmlensReport.read(reportDirectory);
        if (gate) {
            gateRun(protocols, focus, rows, report, build);
        } else {
            proofRun(focus, rows, report, build, vmlensVersion);
        }
    }

    private static Finding judge(ProofRow r, VmlensReport report) throws IOException {
        VmlensReport.Test t = report.test(r.vmlensName());
        Set<Invariant> named = EnumSet.noneOf(Invariant.class);
        List<String> problems = new ArrayList<>();
        if (r.verdict() == Verdict.VIOLATED) {
            if (r.invariant() != null) {
                named.add(r.invariant());
                problems.add("interleaving broke " + r.invariant().name() + ": " + r.detail());
            } else {
                problems.add("an interleaving failed, naming no invariant: " + r.detail());
            }
        } else if (r.verdict() != Verdict.PROVEN) {
            problems.add(r.verdict() + ": " + r.detail());
        }
        if (t == null) {
            problems.add("missing from the vmlens report");
        } else {
            if (t.dataRace()) {
                Set<String> fields = report.racedFields(t);
                if (fields.isEmpty()) {
                    problems.add("data race on a field the report page does not name (" + report.page(t) + ")");
                }
                for (String field : fields) {
                    Invariant i = RaceMapping.invariantOf(field);
                    if (i != null) {
                        named.add(i);
                    }
                    problems.add("data race on " + field + (i == null ? ", which protects no invariant" : " (" + i.name()
                            + ")") + ", see " + report.page(t));
                }
            }
            if (r.verdict() == Verdict.PROVEN && !t.limits().isEmpty()) {
                problems.add("exploration incomplete: " + String.join(", ", t.limits()));
            }
            if (r.verdict() == Verdict.PROVEN && t.count() != r.explored()) {
                problems.add("vmlens counted " + t.count() + " interleavings, the harness " + r.explored());
            }
        }
        return new Finding(r, t, named, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static void proofRun(List<String> focus, List<ProofRow> rows, VmlensReport report, Path build,
            String vmlensVersion) throws IOException {
        MarkdownTable table = new MarkdownTable("scenario", "races", "policy", "interleavings explored", "result",
                "vmlens", "ms");
        List<String> problems = new ArrayList<>();
        for (String policy : ProtocolCatalog.correctIds()) {
            for (Cells cell : ProofConfig.cells(policy, focus)) {
                if (rows.stream().noneMatch(r -> r.cell().equals(cell.id()) && r.protocol().equals(policy))) {
                    problems.add(TwoThreadProof.vmlensName(cell.id(), policy) + " was not explored (see the test output,"
                            + " e.g. the engine check)");
                }
            }
        }
        for (ProofRow r : rows) {
            Finding f = judge(r, report);
            if (!f.clean()) {
                problems.add(r.vmlensName() + ": " + f.problem());
            }
            table.row(r.cell(), r.races(), r.protocol(), Integer.toString(r.explored()),
                    f.clean() ? "proven: all interleavings, invariants held" : "NOT PROVEN: " + f.problem(),
                    f.test() == null ? "-" : f.test().result(), Long.toString(r.millis()));
        }
        int cap = rows.isEmpty() ? ProofConfig.maxIterations() : rows.getFirst().cap();
        String text = (focus.isEmpty() ? "" : "Focused run (" + String.join(", ", focus) + "), not the whole matrix. ")
                + "Proof table: every interleaving vmlens " + vmlensVersion + " explored of each two-thread cell (cap "
                + cap + " interleavings; largest exploration " + rows.stream().mapToInt(ProofRow::explored).max().orElse(0)
                + ").\n\n" + table;
        Files.writeString(build.resolve("proof-table.md"), text);
        System.out.println("\n" + text + "\nWritten to " + build.resolve("proof-table.md"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("not proven:\n  " + String.join("\n  ", problems));
        }
    }

    private static void gateRun(List<String> protocols, List<String> focus, List<ProofRow> rows, VmlensReport report,
            Path build) throws IOException {
        Path out = build.resolve("proof-variants");
        Files.createDirectories(out);
        MarkdownTable summary = new MarkdownTable("protocol", "verdict", "invariants named", "breaks", "cells caught",
                "seconds");
        List<String> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String protocol : protocols) {
            MarkdownTable table = new MarkdownTable("cell", "races", "interleavings", "outcome", "how", "report");
            Set<Invariant> named = EnumSet.noneOf(Invariant.class);
            int caught = 0;
            int inconclusive = 0;
            long millis = 0;
            List<Cells> cells = ProofConfig.cells(protocol, focus);
            for (Cells cell : cells) {
                ProofRow r = rows.stream().filter(x -> x.protocol().equals(protocol) && x.cell().equals(cell.id()))
                        .findFirst().orElse(null);
                if (r == null) {
                    inconclusive++;
                    table.row(cell.id(), cell.races(), "0", "inconclusive", "not explored (see the test output)", "-");
                    continue;
                }
                millis += r.millis();
                Finding f = judge(r, report);
                String outcome;
                if (!f.named().isEmpty()) {
                    caught++;
                    named.addAll(f.named());
                    outcome = "caught (" + names(f.named()) + ")";
                } else if (f.clean()) {
                    outcome = "missed";
                } else {
                    inconclusive++;
                    outcome = "inconclusive";
                }
                table.row(cell.id(), cell.races(), Integer.toString(r.explored()), outcome,
                        f.clean() ? "every interleaving kept the invariants, no data race" : f.problem(),
                        f.test() == null ? "-" : report.page(f.test()).toString());
            }
            GateVerdict verdict = caught > 0 ? GateVerdict.CAUGHT
                    : inconclusive > 0 || cells.isEmpty() ? GateVerdict.ERROR
                    : GateVerdict.MISSED;
            if (verdict == GateVerdict.ERROR) {
                errors.add(protocol + (cells.isEmpty() ? ": no cell targets it" : ": " + inconclusive
                        + " cell(s) inconclusive, none caught"));
            }
            String breaks = ProtocolCatalog.correctIds().contains(protocol) ? "(correct)"
                    : names(KnownBadVariant.fromId(protocol).breaks());
            verdicts.add(protocol + "\t" + verdict + "\t" + (named.isEmpty() ? "-" : names(named)));
            summary.row(protocol, verdict.name(), named.isEmpty() ? "-" : names(named), breaks,
                    caught + " of " + cells.size(), String.format("%.1f", millis / 1000.0));
            String text = "Protocol " + protocol + " against the cells that target it: " + verdict + ", caught by "
                    + caught + " of " + cells.size() + " cells" + (inconclusive > 0 ? ", " + inconclusive
                    + " inconclusive" : "") + (focus.isEmpty() ? "" : " (focused run)") + ".\n\n" + table;
            Files.writeString(out.resolve(protocol + ".md"), text);
        }
        Files.write(out.resolve("verdicts.tsv"), verdicts);
        System.out.println("\nvmlens gate: every listed protocol against the cells that target it\n\n" + summary
                + "\nWritten to " + out.resolve("verdicts.tsv") + " (per protocol: " + out + "/<id>.md)");
        if (!errors.isEmpty()) {
            throw new IllegalStateException("no verdict for:\n  " + String.join("\n  ", errors));
        }
    }

    private static String names(Set<Invariant> invariants) {
        return invariants.stream().map(Invariant::name).sorted().collect(Collectors.joining(","));
    }
}
