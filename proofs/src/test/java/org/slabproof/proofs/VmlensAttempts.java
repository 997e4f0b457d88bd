package org.slabproof.proofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bounded, logged retry of a test JVM whose vmlens agent wrote no events (build plumbing, run
 * by the exec plugin around the test JVMs; see the pom).
 *
 * <p>Implementation notes. vmlens reads the events its agent wrote to the event directory
 * ({@code target/vmlens-agent/vmlens/} for the vmlens goal, {@code agent_lib/vmlens/} of the gate's
 * agent) after the test JVM exited. Now and then (about one run in 25 once, none in 77 later) the
 * agent writes no {@code agentlog.vmlens}: the vmlens goal then logs "No VMLens tests run.", writes
 * no report, leaves any previous one in place and passes (it even drops a test failure). That is
 * decided by the file's existence alone, so this class tests the same file. When it is missing,
 * the tests run once more in a fresh JVM with the same agent ({@code surefire:test@vmlens-retry-N},
 * whose includes file this class arms). For the proof run this class then turns the retry's
 * events into vmlens's report with vmlens's own report step, failing on data races as the vmlens
 * goal does; for a gate run the gate's report step reads the same event directory afterwards. At
 * most {@link #MAX_RETRIES} retries; each is printed and recorded in {@code target/proofs/vmlens-runs.txt},
 * which {@link ProofReport} prints and writes under its tables. A retry reruns every cell, so a
 * violation, a cap or a data race fails it exactly as it would have failed the first run.
 *
 * <p>Modes: {@code clean} (before the first test JVM: removes the previous build's report, events,
 * results and record, so that nothing stale can stand in for this run) and {@code check N} (after
 * test JVM N: 1 is the first run's, 2 and 3 the retries').
 */
public final class VmlensAttempts {
    /**
     * Retries after the first run (the pom has one surefire and one check execution per retry); a
     * third run without events fails the build.
     */
    static final int MAX_RETRIES = 2;
    /** The phrase vmlens logs when it found no events, quoted in the log and the tables. */
    static final String NO_TESTS_RUN = "No VMLens tests run.";

    /** Surefire's default includes: a retry runs what the first run ran. */
    private static final List<String> RUN = List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java",
            "**/*TestCase.java");
    /** Matches no class: the retry execution finds nothing to run. */
    private static final List<String> IDLE = List.of("**/no-vmlens-retry-needed");

    private VmlensAttempts() {
    }

    /**
     * @param args {@code clean} or {@code check N}, then the module's build directory, vmlens's report
     *             directory, the agent's event directory and {@code proof} or {@code gate}
     */
    public static void main(String[] args) throws Exception {
        boolean clean = args[0].equals("clean");
        int offset = clean ? 1 : 2;
        Path build = Path.of(args[offset]);
        Path report = Path.of(args[offset + 1]);
        Path events = Path.of(args[offset + 2]);
        boolean gate = args[offset + 3].equals("gate");
        if (clean) {
            clean(build, report, events);
        } else {
            check(Integer.parseInt(args[1]), build, report, events, gate);
        }
    }

    /** The record of this build's vmlens runs, one line each. */
    static Path runsFile(Path build) {
        return build.resolve("proofs").resolve("vmlens-runs.txt");
    }

    /** Includes file of retry {@code n} (1-based), read by {@code surefire:test@vmlens-retry-n}. */
    static Path includesFile(Path build, int n) {
        return build.resolve("proofs").resolve("vmlens-retry-" + n + ".includes");
    }

    /** The line for the tables: how many test JVMs it took; null when the runs were not checked. */
    static String summary(Path build) throws IOException {
        Path file = runsFile(build);
        if (!Files.exists(file)) {
            return null;
        }
        List<String> runs = Files.readAllLines(file);
        long lost = runs.stream().filter(l -> l.endsWith(NO_TESTS_RUN)).count();
        return lost == 0 ? "vmlens runs: 1, no retry (" + String.join("; ", runs) + ")"
                : "vmlens runs: " + runs.size() + ", " + lost + (lost == 1 ? " retry" : " retries") + " after '"
                        + NO_TESTS_RUN + "' (" + String.join("; ", runs) + ")";
    }

    private static void clean(Path build, Path report, Path events) throws IOException {
        deleteRecursively(report);
        deleteRecursively(events);
        Files.deleteIfExists(ProofLog.resultsFile(build));
        Files.deleteIfExists(runsFile(build));
        Files.createDirectories(build.resolve("proofs"));
        for (int n = 1; n <= MAX_RETRIES; n++) {
            Files.write(includesFile(build, n), IDLE);
        }
    }

    private static void check(int run, Path build, Path report, Path events, boolean gate) throws Exception {
        Path runs = runsFile(build);
        List<String> lines = Files.exists(runs) ? Files.readAllLines(runs) : new ArrayList<>();
        boolean pending = lines.size() == run - 1 && (run == 1 || lines.get(run - 2).endsWith(NO_TESTS_RUN));
        if (!pending) {
            return;                            // an earlier run wrote its events: this retry was idle
        }
        if (Files.exists(events.resolve("agentlog.vmlens"))) {
            // The vmlens goal reported its own run; a retry ran under plain surefire. The gate's report step
            // reads the events later in every case.
            int races = run > 1 && !gate ? writeReport(events, report) : 0;
            record(runs, lines, "run " + run + ": events written");
            if (races > 0) {
                throw new IllegalStateException(
                        String.format("There are %s data races, see %s for the report.", races, report));
            }
            return;
        }
        record(runs, lines, "run " + run + ": " + NO_TESTS_RUN);
        if (run > MAX_RETRIES) {
            throw new IllegalStateException("vmlens found no events in " + run + " runs (each time '" + NO_TESTS_RUN
                    + "', no " + events.resolve("agentlog.vmlens") + "): not retried further");
        }
        Files.write(includesFile(build, run), RUN);
        System.out.println("[vmlens] run " + run + " wrote no events ('" + NO_TESTS_RUN + "', no "
                + events.resolve("agentlog.vmlens") + "): retry " + run + " of " + MAX_RETRIES
                + " in a fresh JVM (surefire:test@vmlens-retry-" + run + ")");
    }

    private static void record(Path runs, List<String> lines, String line) throws IOException {
        lines.add(line);
        Files.write(runs, lines);
        System.out.println("[vmlens] " + line);
    }

    /**
     * Builds vmlens's report from a retry's events, as the vmlens goal does after its own JVM
     * ({@code ProcessEvents} with the default context), and returns its data race count.
     * Reflective because vmlens's report step is on the exec plugin's classpath only: on the test
     * classpath it would be in the JVM that the agent traces.
     */
    private static int writeReport(Path events, Path report) throws Exception {
        ClassLoader loader = VmlensAttempts.class.getClassLoader();
        Class<?> contextBuilder = loader.loadClass("com.anarsoft.race.detection.process.run.ProcessRunContextBuilder");
        Object context = contextBuilder.getMethod("build").invoke(contextBuilder.getConstructor().newInstance());
        Class<?> processEvents = loader.loadClass("com.anarsoft.race.detection.main.ProcessEvents");
        Class<?> contextClass = loader.loadClass("com.anarsoft.race.detection.process.run.ProcessRunContext");
        Object process = processEvents.getConstructor(Path.class, Path.class, contextClass)
                .newInstance(events, report, context);
        Object result = processEvents.getMethod("process").invoke(process);
        if ((Boolean) result.getClass().getMethod("noTestsRun").invoke(result)) {
            throw new IllegalStateException("vmlens found events in " + events + " but no test run");
        }
        System.out.println("[vmlens] See " + report + " for the vmlens report.");
        return (Integer) result.getClass().getMethod("dataRaceCount").invoke(result);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
