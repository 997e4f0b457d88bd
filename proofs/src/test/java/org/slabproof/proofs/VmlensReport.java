package org.slabproof.proofs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What vmlens's HTML report says about each test: its page, its interleaving count, its result
 * text and, for a test with a data race, the fields that raced.
 *
 * <p>Implementation notes. vmlens 1.2.17 reports exploration limits only as text in the result
 * column of {@code index.html} ("Maximum Iterations Reached", "Maximum Alternating Orders
 * Reached:n", "Synchronized Action Loop", "Non Volatile Action Loop", a not-yet-implemented
 * construct); any of them means some interleavings were not run. "Blocked" is a per-run note
 * (vmlens's {@code TEST_BLOCKED}: a run could not follow its planned order; it appears on cells
 * with CAS retries or claim/unclaim loops), not an exploration limit. Any result text this class
 * does not know is counted as a limit. A data race shows as "Data race" (or "Failure, Data Race")
 * in the index, and on the test's page as a "Data Race" access naming the field as
 * {@code org/slabproof/pkg/Class.field}.
 */
final class VmlensReport {
    private static final Pattern ROW = Pattern.compile(
            "<tr>\\s*<td>\\d+</td>\\s*<td><a href=\"([^\"]+)\">([^<]+)</a></td>\\s*<td>(\\d+)</td>\\s*<td>(.*?)</td>",
            Pattern.DOTALL);

    /** The result parts that are outcomes or per-run notes, not exploration limits (lower case). */
    private static final Set<String> OUTCOMES = Set.of("success", "blocked", "failure", "data race");

    /** A field in a data-race row of a run page: the element cell after the "Data Race" operation. */
    private static final Pattern RACED_FIELD = Pattern.compile(
            "Data Race</span>[^<]*</td>\\s*<td>\\s*([^<\\s]+)\\s*</td>");

    private final Path directory;
    private final Map<String, Test> tests;

    /** One row of vmlens's index: its page, its count and its result text. */
    record Test(String page, int count, String result) {
        /** True if vmlens found a data race in some interleaving ("Data race", or "Failure, Data Race"). */
        boolean dataRace() {
            return result.toLowerCase(Locale.ROOT).contains("data race");
        }

        /** The result's parts that say exploration stopped short. */
        List<String> limits() {
            List<String> limits = new ArrayList<>();
            for (String part : result.split(",")) {
                String p = part.trim();
                if (!p.isEmpty() && !OUTCOMES.contains(p.toLowerCase(Locale.ROOT))) {
                    limits.add(p);
                }
            }
            return limits;
        }
    }

    private VmlensReport(Path directory, Map<String, Test> tests) {
        this.directory = directory;
        this.tests = tests;
    }

    /** Reads {@code index.html} of the report in {@code directory}. */
    static VmlensReport read(Path directory) throws IOException {
        Path index = directory.resolve("index.html");
        if (!Files.exists(index)) {
            throw new IllegalStateException("no vmlens report at " + index + ": if the vmlens goal logged \"No VMLens"
                    + " tests run.\", the agent's events were lost at JVM exit; rerun");
        }
        Map<String, Test> tests = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(index));
        while (m.find()) {
            String result = m.group(4).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").replace(" ,", ",").trim();
            tests.put(m.group(2).trim(), new Test(m.group(1), Integer.parseInt(m.group(3)), result));
        }
        return new VmlensReport(directory, tests);
    }

    /** The test of that name, or null if the report does not list it. */
    Test test(String name) {
        return tests.get(name);
    }

    /** Where a test's page is. */
    Path page(Test test) {
        return directory.resolve(test.page());
    }

    /** The fields that raced in a test with a data race, as {@code org.slabproof.pkg.Class.field}. */
    Set<String> racedFields(Test test) throws IOException {
        Set<String> fields = new TreeSet<>();
        Matcher m = RACED_FIELD.matcher(Files.readString(page(test)));
        while (m.find()) {
            fields.add(m.group(1).replace('/', '.'));
        }
        return fields;
    }
}
