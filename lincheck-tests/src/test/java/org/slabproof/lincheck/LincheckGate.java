package org.slabproof.lincheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Command line for the mutation gate: runs Lincheck against one protocol id and answers with an
 * exit code. Launched by {@code ci/lincheck-run} on this module's test class path.
 *
 * <pre>
 * LincheckGate --protocol ID [--structure all|remote-stack|counter-and-release|allocator]
 *              [--mode model-checking|stress|both] [--report-dir DIR] [--verdict FILE]
 * </pre>
 *
 * Exit 0: no violation; 1: a violation was found (its report is printed, and written to
 * {@code DIR/ID.txt} when a report directory is given); 2: usage or run error. The same code is
 * written to the verdict file, for a caller (Maven's exec plugin) that cannot pass exit codes on.
 * Every structure is checked in model checking by default: those that claim to catch the id
 * first, then the others, smallest first; the first violation ends the run (it answers the
 * gate's question) and its report shows the interleaving.
 */
public final class LincheckGate {
    private LincheckGate() {
    }

    /** Entry point; exits with 0, 1 or 2. */
    public static void main(String[] args) {
        int code;
        Path verdict = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--verdict")) {
                verdict = Path.of(args[i + 1]);
            }
        }
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lincheck-gate: " + e.getMessage());
            System.err.println("usage: --protocol ID [--structure all|" + String.join("|", structureIds())
                    + "] [--mode model-checking|stress|both] [--report-dir DIR] [--verdict FILE]");
            code = 2;
        } catch (RuntimeException | IOException | Error e) {
            System.err.println("lincheck-gate: error: " + e);
            e.printStackTrace();
            code = 2;
        }
        if (verdict != null) {
            try {
                Files.createDirectories(verdict.toAbsolutePath().getParent());
                Files.writeString(verdict, code + "\n");
            } catch (IOException e) {
                System.err.println("lincheck-gate: cannot write " + verdict + ": " + e);
                code = 2;
            }
        }
        System.exit(code);
    }

    private static int run(String[] args) throws IOException {
        String protocol = null;
        Set<Structure> structures = EnumSet.allOf(Structure.class);
        List<CheckOptions.Mode> modes = List.of(CheckOptions.Mode.MODEL_CHECKING);
        Path reportDir = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--protocol" -> protocol = value;
                case "--structure" -> structures = "all".equals(value) ? EnumSet.allOf(Structure.class)
                        : EnumSet.of(structure(value));
                case "--mode" -> modes = "both".equals(value) ? List.of(CheckOptions.Mode.values())
                        : List.of(mode(value));
                case "--report-dir" -> reportDir = Path.of(value);
                case "--verdict" -> { }                 // read by main
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            i++;
        }
        if (protocol == null) {
            throw new IllegalArgumentException("--protocol is required");
        }
        StringBuilder reports = new StringBuilder();
        for (Structure structure : claimantsFirst(structures, protocol)) {
            for (CheckOptions.Mode mode : modes) {
                long start = System.nanoTime();
                String violation = LincheckRun.violation(structure, protocol, mode);
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%s %s %s: %s (%d ms)%n", protocol, structure.id(), mode.id(),
                        violation == null ? "no violation" : "VIOLATION", ms);
                if (violation != null) {
                    reports.append("== ").append(structure.id()).append(", ").append(mode.id()).append(" ==\n")
                            .append(violation).append('\n');
                    break;
                }
            }
            if (!reports.isEmpty()) {
                break;                          // one violation answers the gate's question
            }
        }
        if (reports.isEmpty()) {
            return 0;
        }
        System.out.println(reports);
        if (reportDir != null) {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve(protocol + ".txt"), reports);
        }
        return 1;
    }

    /**
     * The structures that claim to catch {@code protocol} first (a known variant is then answered
     * by its own target, without paying for the others), then the rest, smallest first.
     */
    private static List<Structure> claimantsFirst(Set<Structure> structures, String protocol) {
        List<Structure> ordered = new ArrayList<>(structures);
        ordered.sort(Comparator.comparing((Structure s) -> s.targets().stream().noneMatch(v -> v.id().equals(protocol)))
                .thenComparing(Structure::ordinal));
        return ordered;
    }

    private static Structure structure(String id) {
        for (Structure s : Structure.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown structure '" + id + "'");
    }

    private static CheckOptions.Mode mode(String id) {
        for (CheckOptions.Mode m : CheckOptions.Mode.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "'");
    }

    private static List<String> structureIds() {
        List<String> ids = new ArrayList<>();
        for (Structure s : Structure.values()) {
            ids.add(s.id());
        }
        return ids;
    }
}
