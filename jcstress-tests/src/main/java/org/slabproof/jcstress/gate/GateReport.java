package org.slabproof.jcstress.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.runners.TestList;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades a jcstress run for {@code ci/jcstress-gate}: compares the tests the jar holds (and the
 * selection regex picks) with the results jcstress recorded, names the invariants behind every
 * FORBIDDEN outcome, prints one line per test, writes a JUnit XML report and a summary JSON, and
 * exits with the gate's status.
 *
 * <p>Usage: {@code java -cp jcstress.jar org.slabproof.jcstress.gate.GateReport --regex R --list}
 * prints the selected tests; {@code --regex R --results DIR [--suite NAME] [--seconds S]
 * [--expect-invariants I1,I6] [--per-protocol-verdicts FILE]} grades the run whose results
 * jcstress wrote to {@code DIR} (the working directory of the run) and writes
 * {@code DIR/jcstress-junit.xml} and {@code DIR/gate-summary.json}.
 *
 * <p>Exit status: 0 every selected test passed; 1 a FORBIDDEN outcome was seen (with
 * {@code --expect-invariants}: one whose row names an expected invariant); 2 nothing was
 * FORBIDDEN but a test errored or did not run, no test was selected, or the report could not be
 * made; 3 (only with {@code --expect-invariants}) FORBIDDEN outcomes were seen, but no row behind
 * them names an expected invariant (the catch-all row names none).
 *
 * <p>Implementation notes. The expected tests come from jcstress's own reading of the jar's
 * {@code META-INF/TestList} ({@link TestList}), not from {@code jcstress -l}, so that a test
 * jcstress skips (more actors than CPUs, a fork that died) shows up as NOT RUN instead of
 * vanishing from both lists. The results come from the raw result file jcstress writes into its
 * working directory ({@code jcstress-results-*.bin.gz}, the file its {@code -p} option re-reads),
 * read with jcstress's {@link DiskReadCollector} and merged over configurations with
 * {@link ReportUtils#mergedByName}, exactly as jcstress's own text and HTML reports do; no console
 * output is parsed. The outcome table of a {@code @JCStressMeta} test is the meta class's: the
 * annotation processor merged it into the test list already.
 */
public final class GateReport {
    /** The summary JSON's top level. */
    record Summary(String suite, long seconds, int exitStatus, SortedSet<String> expectedInvariants,
            SortedSet<String> invariants, List<ProtocolVerdict> protocols, List<TestReport> tests) {
    }

    /** A command line the report cannot act on; exit 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private static final Pattern INVARIANT = Pattern.compile("I[1-6]");
    private static final Pattern RESULT_FILE = Pattern.compile("jcstress-results-.*\\.bin\\.gz");

    private GateReport() {
    }

    /** Entry point for the gate script; see the class comment for the arguments and exit status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the report as {@link #main} does and returns its exit status instead of exiting. */
    static int run(String[] args, PrintStream out) {
        try {
            return report(options(args), out);
        } catch (UsageException | IOException | RuntimeException e) {
            // Any failure of the report itself is 2: 1 and 3 mean a FORBIDDEN outcome was seen.
            System.err.println("GateReport: " + (e instanceof UsageException ? e.getMessage() : e));
            return 2;
        }
    }

    private static int report(Map<String, String> opts, PrintStream out) throws UsageException, IOException {
        List<TestInfo> selected = selected(Pattern.compile(require(opts, "--regex")));
        if (opts.containsKey("--list")) {
            selected.forEach(t -> out.println(t.name()));
            return 0;
        }
        SortedSet<String> expected = expectedInvariants(opts.get("--expect-invariants"));
        Path dir = Path.of(require(opts, "--results"));
        Map<String, TestResult> results = results(dir, out);
        List<TestReport> tests = selected.stream().map(t -> TestReport.grade(t, results.get(t.name()))).toList();
        tests.forEach(t -> out.printf(Locale.ROOT, "%-52s %-8s %s%n", t.shortName(), t.verdict().label(), t.details()));

        int status = exitStatus(tests, expected);
        List<ProtocolVerdict> protocols = ProtocolVerdict.of(tests);
        SortedSet<String> named = tests.stream().flatMap(t -> t.invariants().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        String suite = opts.getOrDefault("--suite", "jcstress");
        long seconds = Long.parseLong(opts.getOrDefault("--seconds", "0"));
        JUnitXml.write(dir.resolve("jcstress-junit.xml"), suite, seconds, tests);
        // Jackson rather than hand-written JSON: the records serialize as they are, and the
        // messages of a failed fork need escaping that is easy to get wrong by hand.
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(
                dir.resolve("gate-summary.json").toFile(),
                new Summary(suite, seconds, status, expected, named, protocols, tests));
        if (opts.containsKey("--per-protocol-verdicts")) {
            Files.write(Path.of(opts.get("--per-protocol-verdicts")),
                    protocols.stream().map(ProtocolVerdict::line).toList(), StandardCharsets.UTF_8);
        }

        if (selected.isEmpty()) {
            out.println("no test matches " + opts.get("--regex"));
        }
        out.printf(Locale.ROOT, "%d tests: %d passed, %d FAILED, %d errors, %d not run; invariants named: %s%n",
                tests.size(), count(tests, Verdict.PASS), count(tests, Verdict.FAILED), count(tests, Verdict.ERROR),
                count(tests, Verdict.NOT_RUN), named.isEmpty() ? "none" : String.join(", ", named));
        if (!expected.isEmpty() && count(tests, Verdict.FAILED) > 0) {
            out.println("expected invariants " + String.join(", ", expected)
                    + (status == 1 ? ": named by a FORBIDDEN row" : ": named by no FORBIDDEN row seen (exit 3)"));
        }
        return status;
    }

    /**
     * The gate's exit status (see the class comment). A FORBIDDEN outcome decides it before any
     * error does: a variant that was caught is caught even if another of its cells did not run.
     */
    static int exitStatus(List<TestReport> tests, SortedSet<String> expected) {
        List<TestReport> failed = tests.stream().filter(t -> t.verdict() == Verdict.FAILED).toList();
        if (!failed.isEmpty()) {
            return expected.isEmpty()
                    || failed.stream().anyMatch(t -> !Collections.disjoint(t.invariants(), expected)) ? 1 : 3;
        }
        return tests.isEmpty() || tests.stream().anyMatch(t -> t.verdict() != Verdict.PASS) ? 2 : 0;
    }

    /** The tests in the jar's test list that the regex finds, by name. */
    static List<TestInfo> selected(Pattern regex) throws IOException {
        if (TestList.class.getResource(TestList.LIST) == null) {
            throw new IOException("no " + TestList.LIST + " on the class path: built without annotation processing?");
        }
        return TestList.tests().stream().filter(n -> regex.matcher(n).find()).sorted().map(TestList::getInfo)
                .toList();
    }

    /**
     * jcstress's results in {@code dir}, merged over configurations, by test name. No result file
     * means jcstress ran no test (every test is then NOT RUN); more than one means the directory
     * mixes runs, which the report refuses to merge.
     */
    static Map<String, TestResult> results(Path dir, PrintStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> RESULT_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.size() > 1) {
            throw new IOException(dir + " holds " + files.size() + " jcstress result files (" + files
                    + "): results of one run expected");
        }
        if (files.isEmpty()) {
            out.println("no jcstress-results-*.bin.gz in " + dir + ": jcstress recorded no result");
            return new HashMap<>();
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(files.getFirst().toString(), collector);
        try {
            reader.dump();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read " + files.getFirst(), e);
        } finally {
            reader.close();
        }
        return ReportUtils.mergedByName(collector.getTestResults()).stream()
                .collect(Collectors.toMap(TestResult::getName, Function.identity()));
    }

    private static SortedSet<String> expectedInvariants(String list) throws UsageException {
        SortedSet<String> expected = new TreeSet<>();
        if (list != null) {
            for (String id : list.split(",")) {
                if (!INVARIANT.matcher(id.strip()).matches()) {
                    throw new UsageException("--expect-invariants takes I1..I6, comma-separated; got '" + list + "'");
                }
                expected.add(id.strip());
            }
        }
        return expected;
    }

    /** Options and their values; {@code --list} alone takes none. */
    private static Map<String, String> options(String[] args) throws UsageException {
        List<String> valued = Arrays.asList("--regex", "--results", "--suite", "--seconds", "--expect-invariants",
                "--per-protocol-verdicts");
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--list")) {
                opts.put("--list", "");
            } else if (valued.contains(args[i]) && i + 1 < args.length) {
                opts.put(args[i], args[++i]);
            } else {
                throw new UsageException("unknown option or missing value: " + args[i]);
            }
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String key) throws UsageException {
        String value = opts.get(key);
        if (value == null) {
            throw new UsageException("missing " + key);
        }
        return value;
    }

    private static long count(List<TestReport> tests, Verdict v) {
        return tests.stream().filter(t -> t.verdict() == v).count();
    }
}
