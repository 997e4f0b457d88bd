package org.slabproof.jcstress.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grades a jcstress run for {@code ci/jcstress-gate}: compares the tests the jar holds (and the
 * selection regex picks) with the results in the jcstress console log, prints one summary line per
 * test, writes a JUnit XML report, and exits 0 (all passed), 1 (a FORBIDDEN outcome was seen) or
 * 2 (a test errored or did not run, and nothing was FORBIDDEN).
 *
 * <p>Usage: {@code java -cp jcstress.jar org.slabproof.jcstress.gate.GateReport --regex R --log L
 * --junit X [--suite NAME] [--seconds S]}, or {@code --regex R --list y} to print the selected
 * tests. The log must come from a run with {@code -v}, which prints every test's outcome table,
 * not just the failing ones.
 *
 * <p>Implementation notes. The expected tests come from the jar's {@code META-INF/TestList} (what
 * the annotation processor generated), not from {@code jcstress -l}, so that a test jcstress
 * skips (more actors than CPUs, a fork that died) shows up as NOT RUN instead of vanishing from
 * both lists. The log is parsed from its "RUN RESULTS" section on: a header
 * {@code ...... [STATUS] test.Name} per test, then rows {@code RESULT SAMPLES FREQ EXPECT DESCRIPTION}.
 * The console truncates descriptions, so each row's reason is looked up in the test's own outcome
 * table from the TestList.
 */
public final class GateReport {
    /** One row of a test's outcome table, across all configurations. */
    record Row(String outcome, long samples, String expect, String desc) {
        boolean forbiddenSeen() {
            return samples > 0 && expect.equals("Forbidden");
        }
    }

    /** One test's result block in the log: jcstress's status, its rows, and any other lines (error output). */
    record Result(String status, List<Row> rows, List<String> notes) {
        long samples() {
            return rows.stream().mapToLong(Row::samples).sum();
        }
    }

    /** The gate's verdict on one expected test. */
    enum Verdict {
        PASS, FORBIDDEN, ERROR, NOT_RUN
    }

    private static final Pattern HEADER = Pattern.compile("^\\.+ \\[([A-Z -]+)\\] (\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(.*?)\\s+([0-9][0-9,]*)\\s+[<>]?[0-9.]+%\\s+(Acceptable|Forbidden|Interesting|Unknown)\\s*(.*)$");

    private GateReport() {
    }

    /** Entry point for the gate script; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Pattern selection = Pattern.compile(require(opts, "--regex"));
        Map<String, TestInfo> infos = new LinkedHashMap<>();
        testList().stream().filter(t -> selection.matcher(t.name()).find()).sorted(
                Comparator.comparing(TestInfo::name)).forEach(t -> infos.put(t.name(), t));
        List<String> expected = List.copyOf(infos.keySet());
        if (opts.containsKey("--list")) {
            expected.forEach(System.out::println);
            return;
        }
        Map<String, Result> results = parseLog(Files.readAllLines(Path.of(require(opts, "--log")),
                StandardCharsets.UTF_8), infos);

        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String test : expected) {
            Result r = results.get(test);
            Verdict v = verdictOf(r);
            verdicts.put(test, v);
            System.out.println(summaryLine(test, v, r));
        }
        writeJUnit(Path.of(require(opts, "--junit")), opts.getOrDefault("--suite", "jcstress"),
                opts.getOrDefault("--seconds", "0"), expected, verdicts, results);

        long forbidden = count(verdicts, Verdict.FORBIDDEN);
        long broken = count(verdicts, Verdict.ERROR) + count(verdicts, Verdict.NOT_RUN);
        if (expected.isEmpty()) {
            System.out.println("no test matches " + selection.pattern());
        }
        System.out.printf(Locale.ROOT, "%d tests: %d passed, %d FORBIDDEN, %d errors, %d not run%n", expected.size(),
                count(verdicts, Verdict.PASS), forbidden, count(verdicts, Verdict.ERROR),
                count(verdicts, Verdict.NOT_RUN));
        System.exit(forbidden > 0 ? 1 : broken > 0 || expected.isEmpty() ? 2 : 0);
    }

    /**
     * PASS only for a test that ran, reported OK, and has no FORBIDDEN sample; FORBIDDEN only when
     * a FORBIDDEN row has samples (a FAILED status without one is an ERROR: nothing to name).
     */
    static Verdict verdictOf(Result r) {
        if (r == null) {
            return Verdict.NOT_RUN;
        }
        if (r.rows().stream().anyMatch(Row::forbiddenSeen)) {
            return Verdict.FORBIDDEN;
        }
        return r.status().equals("OK") && r.samples() > 0 ? Verdict.PASS : Verdict.ERROR;
    }

    /** {@code VERDICT  Cell.Protocol  details}, one line per test. */
    static String summaryLine(String test, Verdict v, Result r) {
        String name = test.substring(test.lastIndexOf('.', test.lastIndexOf('.') - 1) + 1);
        return String.format(Locale.ROOT, "%-9s %-52s %s", v.name().replace('_', ' '), name, details(v, r));
    }

    /** The failing outcomes with their reasons, the error, or the sample count. */
    static String details(Verdict v, Result r) {
        return switch (v) {
            case PASS -> String.format(Locale.ROOT, "%,d samples, %d outcomes seen", r.samples(),
                    r.rows().stream().filter(row -> row.samples() > 0).count());
            case FORBIDDEN -> r.rows().stream().filter(Row::forbiddenSeen)
                    .map(row -> String.format(Locale.ROOT, "\"%s\" %,d of %,d samples (%s)", row.outcome(),
                            row.samples(), r.samples(), row.desc()))
                    .reduce((x, y) -> x + "; " + y).orElseThrow();
            case ERROR -> r.status().equals("OK") ? "ran but collected no samples"
                    : "jcstress status " + r.status() + r.notes().stream().filter(n -> !n.equals("Messages:")).limit(2)
                            .map(n -> ": " + n).collect(Collectors.joining());
            case NOT_RUN -> "no result: not run (more actors than CPUs? the fork died?)";
        };
    }

    /** Result blocks of the "RUN RESULTS" section, by test name. */
    static Map<String, Result> parseLog(List<String> lines, Map<String, TestInfo> infos) {
        Map<String, Result> results = new LinkedHashMap<>();
        int start = lines.indexOf("RUN RESULTS:");
        Result current = null;
        String currentName = null;
        for (int i = start < 0 ? lines.size() : start; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                currentName = h.group(2);
                current = new Result(h.group(1).trim(), new ArrayList<>(), new ArrayList<>());
                results.put(currentName, current);
                continue;
            }
            if (current == null || line.isBlank() || line.contains("RESULT  SAMPLES")
                    || line.contains("Results across all configurations")) {
                continue;
            }
            if (line.startsWith("  ") && line.trim().matches("[A-Z][a-z ]+tests: .*|HTML report generated at .*")) {
                current = null;                          // next section ("Failed tests: ...") or the end
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String outcome = m.group(1).trim();
                TestInfo info = infos.get(currentName);
                current.rows().add(new Row(outcome, Long.parseLong(m.group(2).replace(",", "")), m.group(3),
                        info != null ? info.describe(outcome) : m.group(4).trim()));
            } else {
                current.notes().add(line.trim());
            }
        }
        return results;
    }

    /**
     * The tests the jar holds, from {@code META-INF/TestList}: one line per test, {@code JCTEST}
     * then fields written as {@code <length><type><value>} (type S string, I int, B boolean):
     * name, binary name, runner, description, actor count and names, requires-fork, outcome count,
     * then per outcome its expectation, description, id count and ids.
     */
    static List<TestInfo> testList() throws IOException {
        try (InputStream in = GateReport.class.getResourceAsStream("/META-INF/TestList")) {
            if (in == null) {
                throw new IOException("no META-INF/TestList in the jar: built without annotation processing?");
            }
            List<TestInfo> tests = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("JCTEST")) {
                    tests.add(TestInfo.parse(new Fields(line, 6)));
                }
            }
            return tests;
        }
    }

    /** A test as the annotation processor recorded it: its name and its outcome table. */
    record TestInfo(String name, List<Outcome> outcomes) {
        static TestInfo parse(Fields f) {
            String name = f.next();
            f.next();                                   // binary name
            f.next();                                   // generated runner
            f.next();                                   // description
            for (int actors = Integer.parseInt(f.next()); actors > 0; actors--) {
                f.next();
            }
            f.next();                                   // requires fork
            List<Outcome> outcomes = new ArrayList<>();
            for (int n = Integer.parseInt(f.next()); n > 0; n--) {
                String expect = f.next();
                String desc = f.next();
                for (int ids = Integer.parseInt(f.next()); ids > 0; ids--) {
                    outcomes.add(new Outcome(f.next(), expect, desc));
                }
            }
            return new TestInfo(name, outcomes);
        }

        /**
         * The full description of an observed outcome (the console truncates it): the first row
         * whose id equals or, as a regular expression, matches it, else the catch-all row.
         */
        String describe(String observed) {
            for (Outcome o : outcomes) {
                if (!o.id().isEmpty() && (o.id().equals(observed) || matches(o.id(), observed))) {
                    return o.desc();
                }
            }
            return outcomes.stream().filter(o -> o.id().isEmpty()).map(Outcome::desc).findFirst().orElse("");
        }

        private static boolean matches(String regex, String s) {
            try {
                return Pattern.matches(regex, s);
            } catch (java.util.regex.PatternSyntaxException e) {
                return false;
            }
        }
    }

    /** One {@code @Outcome} id with its expectation (an enum ordinal) and reason. */
    record Outcome(String id, String expect, String desc) {
    }

    /** A cursor over the length-prefixed fields of a TestList line. */
    static final class Fields {
        private final String line;
        private int pos;

        Fields(String line, int pos) {
            this.line = line;
            this.pos = pos;
        }

        String next() {
            int type = pos;
            while (Character.isDigit(line.charAt(type))) {
                type++;
            }
            int len = Integer.parseInt(line.substring(pos, type));
            pos = type + 1 + len;
            return line.substring(type + 1, pos);
        }
    }

    private static void writeJUnit(Path file, String suite, String seconds, List<String> tests,
            Map<String, Verdict> verdicts, Map<String, Result> results) throws IOException {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT,
                "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%s\">%n",
                esc(suite), tests.size(), count(verdicts, Verdict.FORBIDDEN),
                count(verdicts, Verdict.ERROR) + count(verdicts, Verdict.NOT_RUN), esc(seconds)));
        for (String test : tests) {
            int dot = test.lastIndexOf('.');
            Verdict v = verdicts.get(test);
            Result r = results.get(test);
            x.append(String.format("  <testcase classname=\"%s\" name=\"%s\">%n", esc(test.substring(0, dot)),
                    esc(test.substring(dot + 1))));
            String message = esc(details(v, r));
            switch (v) {
                case FORBIDDEN -> x.append("    <failure type=\"FORBIDDEN\" message=\"").append(message).append("\"/>\n");
                case ERROR, NOT_RUN -> x.append("    <error type=\"").append(v).append("\" message=\"").append(message)
                        .append("\"/>\n");
                case PASS -> { }
            }
            if (r != null) {
                x.append("    <system-out>");
                for (Row row : r.rows()) {
                    x.append(esc(String.format(Locale.ROOT, "%,14d  %-10s  %s  (%s)%n", row.samples(), row.expect(),
                            row.outcome(), row.desc())));
                }
                r.notes().forEach(n -> x.append(esc(n)).append('\n'));
                x.append("</system-out>\n");
            }
            x.append("  </testcase>\n");
        }
        x.append("</testsuite>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, x, StandardCharsets.UTF_8);
    }

    private static long count(Map<String, Verdict> verdicts, Verdict v) {
        return verdicts.values().stream().filter(v::equals).count();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String require(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }
}
