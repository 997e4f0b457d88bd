package org.slabproof.lincheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slabproof.variants.ProtocolCatalog;

/**
 * Command line for the mutation gate: runs Lincheck against many protocol ids in one JVM and
 * writes one verdict line per id. Launched by {@code ci/lincheck-run} on this module's test class
 * path.
 *
 * <pre>
 * LincheckGate --protocols ID[,ID...] --verdicts FILE [--structure all|ID] [--mode model-checking|stress|both]
 *              [--report-dir DIR]
 * </pre>
 *
 * Each verdict line is {@code id<TAB>verdict<TAB>invariants}: verdict {@code PASS} (nothing
 * found), {@code FAILED} (a violation found) or {@code ERROR} (Lincheck could not run, or a run
 * passed its deadline); invariants are the names the failure named, comma-separated, {@code -} if
 * none (a FAILED with {@code -} is a failure that names no invariant: not a catch). Per id, the
 * structures that claim to catch it run first, then the others, smallest first; the first failure
 * that names an invariant ends that id's run (its report shows the interleaving and goes to
 * {@code DIR/ID.txt}); a failure that names none is kept and the search goes on. Exit 0: every id
 * PASS; 1: some FAILED, none ERROR; 2: an ERROR, or a usage error.
 */
public final class LincheckGate {
    /** Deadline of one Lincheck run: far above any healthy run; beyond it the run is an error, not a hang. */
    static final Duration RUN_DEADLINE = Duration.ofMinutes(3);

    private LincheckGate() {
    }

    /** What the gate answers for one id. */
    enum Outcome {
        /** Nothing found. */
        PASS,
        /** A violation found (a catch only if it names an invariant). */
        FAILED,
        /** Lincheck could not run, or a run passed its deadline. */
        ERROR
    }

    /** One id's answer: its verdict line. */
    record Verdict(String protocol, Outcome outcome, String invariants) {
        String line() {
            return protocol + "\t" + outcome + "\t" + invariants;
        }
    }

    /** Entry point; exits with 0, 1 or 2. */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lincheck-gate: " + e.getMessage());
            System.err.println("usage: --protocols ID[,ID...] --verdicts FILE [--structure all|"
                    + String.join("|", Arrays.stream(Structure.values()).map(Structure::id).toList())
                    + "] [--mode model-checking|stress|both] [--report-dir DIR]");
            code = 2;
        } catch (IOException e) {
            System.err.println("lincheck-gate: " + e);
            code = 2;
        }
        System.exit(code);      // also ends a run left behind by a passed deadline
    }

    private static int run(String[] args) throws IOException {
        List<String> protocols = null;
        Path verdicts = null;
        Set<Structure> structures = EnumSet.allOf(Structure.class);
        List<CheckOptions.Mode> modes = List.of(CheckOptions.Mode.MODEL_CHECKING);
        Path reportDir = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--protocols" -> protocols = List.of(value.split(","));
                case "--verdicts" -> verdicts = Path.of(value);
                case "--structure" -> structures = "all".equals(value) ? EnumSet.allOf(Structure.class)
                        : EnumSet.of(Structure.fromId(value));
                case "--mode" -> modes = "both".equals(value) ? List.of(CheckOptions.Mode.values())
                        : List.of(CheckOptions.Mode.fromId(value));
                case "--report-dir" -> reportDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (protocols == null || verdicts == null) {
            throw new IllegalArgumentException("--protocols and --verdicts are required");
        }
        for (String id : protocols) {
            ProtocolCatalog.create(id);                     // unknown ids fail before anything runs
        }
        Files.createDirectories(verdicts.toAbsolutePath().getParent());
        Files.deleteIfExists(verdicts);
        if (reportDir != null) {
            Files.createDirectories(reportDir);
        }
        List<Verdict> all = new ArrayList<>();
        boolean hung = false;
        for (String id : protocols) {
            Verdict v;
            if (hung) {
                v = new Verdict(id, Outcome.ERROR, "-");
                System.out.println(id + ": not run: an earlier run passed its deadline and may still be running");
            } else {
                try {
                    v = judge(id, structures, modes, reportDir);
                } catch (DeadlinePassed e) {
                    System.out.println(e.getMessage());
                    v = new Verdict(id, Outcome.ERROR, "-");
                    hung = true;
                }
            }
            all.add(v);
            Files.writeString(verdicts, v.line() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.println();
        all.forEach(v -> System.out.println(v.line()));
        if (all.stream().anyMatch(v -> v.outcome() == Outcome.ERROR)) {
            return 2;
        }
        return all.stream().anyMatch(v -> v.outcome() == Outcome.FAILED) ? 1 : 0;
    }

    /** Runs the structures against one id; see the class comment for the order and the stop rule. */
    private static Verdict judge(String protocol, Set<Structure> structures, List<CheckOptions.Mode> modes,
            Path reportDir) throws IOException, DeadlinePassed {
        Finding kept = null;
        String keptWhere = null;
        search:
        for (Structure structure : claimantsFirst(structures, protocol)) {
            for (CheckOptions.Mode mode : modes) {
                String run = protocol + " " + structure.id() + " " + mode.id();
                long start = System.nanoTime();
                Finding f;
                try {
                    f = checkWithDeadline(structure, protocol, mode, run);
                } catch (RuntimeException e) {
                    System.out.println(run + ": ERROR");
                    e.printStackTrace(System.out);
                    return new Verdict(protocol, Outcome.ERROR, "-");
                }
                System.out.printf("%s: %s (%d ms)%n", run, f == null ? "no violation"
                        : "VIOLATION naming " + f.invariantList(), (System.nanoTime() - start) / 1_000_000);
                if (f != null && (kept == null || f.namesAny())) {
                    kept = f;
                    keptWhere = structure.id() + ", " + mode.id();
                }
                if (f != null && f.namesAny()) {
                    break search;
                }
            }
        }
        if (kept == null) {
            return new Verdict(protocol, Outcome.PASS, "-");
        }
        String report = "== " + protocol + ": " + keptWhere + ", invariants named: " + kept.invariantList() + " ==\n"
                + kept.report() + "\n";
        System.out.println(report);
        if (reportDir != null) {
            Files.writeString(reportDir.resolve(protocol + ".txt"), report);
        }
        return new Verdict(protocol, Outcome.FAILED, kept.invariantList());
    }

    /**
     * {@link LincheckRun#check} on a thread of its own, waited for at most {@link #RUN_DEADLINE}.
     *
     * @throws RuntimeException what the run threw (Lincheck could not run)
     * @throws DeadlinePassed   when it did not answer in time
     */
    private static Finding checkWithDeadline(Structure structure, String protocol, CheckOptions.Mode mode, String run)
            throws DeadlinePassed {
        AtomicReference<Finding> found = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = Thread.ofPlatform().daemon().name("lincheck-gate-run").start(() -> {
            try {
                found.set(LincheckRun.check(structure, protocol, mode));
            } catch (RuntimeException | Error e) {
                failed.set(e);
            }
        });
        try {
            if (!t.join(RUN_DEADLINE)) {
                throw new DeadlinePassed(run + ": no answer within " + RUN_DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadlinePassed(run + ": interrupted while waiting");
        }
        Throwable error = failed.get();
        if (error != null) {
            throw error instanceof RuntimeException r ? r : new IllegalStateException(run + " failed", error);
        }
        return found.get();
    }

    /** A run passed {@link #RUN_DEADLINE}; it may still be running, so nothing else may start. */
    private static final class DeadlinePassed extends Exception {
        private static final long serialVersionUID = 1L;

        DeadlinePassed(String message) {
            super(message);
        }
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
}
