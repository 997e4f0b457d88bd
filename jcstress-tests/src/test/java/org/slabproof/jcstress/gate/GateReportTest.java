package org.slabproof.jcstress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report end to end, on results recorded from real gate runs (kept as test resources):
 * {@code --protocol release-without-drain,seed-missing-remote-dec --cell 05},
 * {@code --protocol racy-push --cell 01} and {@code --protocol decrement-at-free --cell 04},
 * each with {@code --time 50}. Checks the console lines, the summary JSON, the per-protocol
 * verdict file, the JUnit XML and the exit status.
 */
class GateReportTest {
    private static final String CELL_05_VARIANTS =
            "^org\\.slabproof\\.jcstress\\.Matrix_05_[A-Za-z]+\\.(ReleaseWithoutDrain|SeedMissingRemoteDec)$";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void oneRunAnswersForEachVariant() throws Exception {
        Path results = copy("cell05-two-variants");
        Path verdicts = dir.resolve("verdicts.tsv");
        assertEquals(1, run("--regex", CELL_05_VARIANTS, "--results", results.toString(), "--suite", "jcstress.x",
                "--seconds", "12", "--per-protocol-verdicts", verdicts.toString()));

        assertEquals(List.of("release-without-drain\tFAILED\tI6", "seed-missing-remote-dec\tFAILED\tI1"),
                Files.readAllLines(verdicts));
        String out = console.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Matrix_05_LastFreeVsTrim.ReleaseWithoutDrain         FAILED   I6 (\"remote, trim 0, I6\" x"),
                out);
        assertTrue(out.contains("2 tests: 0 passed, 2 FAILED, 0 errors, 0 not run; invariants named: I1, I6"), out);

        JsonNode summary = JsonMapper.builder().build().readTree(results.resolve("gate-summary.json").toFile());
        assertEquals(1, summary.get("exitStatus").asInt());
        assertEquals("jcstress.x", summary.get("suite").asString());
        assertEquals(List.of("I1", "I6"), strings(summary.get("invariants")));
        JsonNode seed = summary.get("tests").get(1);
        assertEquals("org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.SeedMissingRemoteDec", seed.get("name").asString());
        assertEquals("FAILED", seed.get("verdict").asString());
        JsonNode row = seed.get("forbidden").get(0);
        assertEquals("remote, trim 0, I1", row.get("outcome").asString());
        assertEquals(seed.get("samples").asLong(), row.get("count").asLong());
        assertEquals(".*\\bI1\\b.*", row.get("row").asString());
        assertEquals(List.of("I1"), strings(row.get("invariants")));
        assertEquals("seed-missing-remote-dec", summary.get("protocols").get(1).get("id").asString());

        Document xml = parse(results.resolve("jcstress-junit.xml"));
        assertEquals("2", xml.getDocumentElement().getAttribute("failures"));
        assertEquals("12", xml.getDocumentElement().getAttribute("time"));
        assertEquals(2, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void expectedInvariantsDecideBetweenCaughtAndFailedElsewhere() throws Exception {
        Path both = copy("cell05-two-variants");
        assertEquals(1, run("--regex", CELL_05_VARIANTS, "--results", both.toString(), "--expect-invariants", "I6"));
        assertEquals(1, run("--regex", CELL_05_VARIANTS, "--results", both.toString(), "--expect-invariants", "I1,I6"));
        assertEquals(3, run("--regex", CELL_05_VARIANTS, "--results", both.toString(), "--expect-invariants", "I2"));

        // Most samples of this run passed; the FORBIDDEN ones name I1 only.
        Path one = copy("cell01-racy-push");
        String regex = "Matrix_01_PushPush\\.RacyPush$";
        assertEquals(3, run("--regex", regex, "--results", one.toString(), "--expect-invariants", "I2"));
        assertTrue(console.toString(StandardCharsets.UTF_8)
                .contains("expected invariants I2: named by no FORBIDDEN row seen (exit 3)"));
        assertEquals(1, run("--regex", regex, "--results", one.toString(), "--expect-invariants", "I1"));
        assertEquals(1, run("--regex", regex, "--results", one.toString()));
    }

    @Test
    void aPassingRunExitsZero() throws Exception {
        Path results = copy("cell04-decrement-at-free");
        assertEquals(0, run("--regex", "Matrix_04_RemoteFreeVsRefill\\.DecrementAtFree$", "--results", results.toString()));
        JsonNode test = JsonMapper.builder().build().readTree(results.resolve("gate-summary.json").toFile())
                .get("tests").get(0);
        assertEquals("PASS", test.get("verdict").asString());
        assertTrue(test.get("samples").asLong() > 0);
        assertEquals(0, test.get("forbidden").size());
        Document xml = parse(results.resolve("jcstress-junit.xml"));
        assertEquals("0", xml.getDocumentElement().getAttribute("failures"));
        assertEquals("0", xml.getDocumentElement().getAttribute("errors"));
    }

    @Test
    void aSelectedTestWithoutResultIsNotRun() throws Exception {
        Path results = copy("cell04-decrement-at-free");
        Path verdicts = dir.resolve("verdicts.tsv");
        assertEquals(2, run("--regex", "Matrix_04_RemoteFreeVsRefill\\.DecrementAt(Free|Drain)$", "--results",
                results.toString(), "--per-protocol-verdicts", verdicts.toString()));
        assertEquals(List.of("decrement-at-drain\tNOT RUN\t-", "decrement-at-free\tPASS\t-"),
                Files.readAllLines(verdicts));
        Document xml = parse(results.resolve("jcstress-junit.xml"));
        assertEquals("NOT RUN", ((Element) xml.getElementsByTagName("error").item(0)).getAttribute("type"));

        // A FORBIDDEN outcome decides the status even when another selected test did not run.
        Path cell01 = copy("cell01-racy-push");
        assertEquals(1, run("--regex", "Matrix_01_[A-Za-z]+\\.", "--results", cell01.toString()));
    }

    @Test
    void noResultFileMeansNothingRan() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(2, run("--regex", CELL_05_VARIANTS, "--results", empty.toString()));
        String out = console.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("no jcstress-results-*.bin.gz in"), out);
        assertTrue(out.contains("2 tests: 0 passed, 0 FAILED, 0 errors, 2 not run; invariants named: none"), out);
    }

    @Test
    void usageErrorsAndUnreadableRunsExitTwo() throws Exception {
        Path results = copy("cell05-two-variants");
        assertEquals(2, run("--regex", CELL_05_VARIANTS, "--results", results.toString(), "--expect-invariants", "I7"));
        assertEquals(2, run("--regex", CELL_05_VARIANTS));
        assertEquals(2, run("--regex", CELL_05_VARIANTS, "--results", results.toString(), "--bogus", "x"));
        assertEquals(2, run("--regex", "NoSuchCell", "--results", results.toString()));
        try (Stream<Path> files = Files.list(results)) {
            Path raw = files.filter(p -> p.toString().endsWith(".bin.gz")).findFirst().orElseThrow();
            Files.copy(raw, results.resolve("jcstress-results-second-run.bin.gz"));
        }
        assertEquals(2, run("--regex", CELL_05_VARIANTS, "--results", results.toString()));
    }

    @Test
    void listPrintsTheSelectedTests() {
        assertEquals(0, run("--regex", CELL_05_VARIANTS, "--list"));
        assertEquals("org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.ReleaseWithoutDrain\n"
                + "org.slabproof.jcstress.Matrix_05_LastFreeVsTrim.SeedMissingRemoteDec\n",
                console.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertTrue(TestList.tests().size() > 2);
    }

    @Test
    void exitStatusTable() {
        TestReport pass = TestReportTest.grade(info("DecrementAtFree"), Map.of("released, trim 0, ok", 5L));
        TestReport i1 = TestReportTest.grade(info("SeedMissingRemoteDec"), Map.of("remote, trim 0, I1", 5L));
        TestReport catchAll = TestReportTest.grade(info("DecBeforePublish"), Map.of("released, trim 2, ok", 5L));
        TestReport notRun = TestReport.grade(info("DecrementAtDrain"), null);
        SortedSet<String> none = new TreeSet<>();
        assertEquals(0, GateReport.exitStatus(List.of(pass), none));
        assertEquals(2, GateReport.exitStatus(List.of(), none));
        assertEquals(2, GateReport.exitStatus(List.of(pass, notRun), none));
        assertEquals(1, GateReport.exitStatus(List.of(i1, notRun), none));
        assertEquals(1, GateReport.exitStatus(List.of(catchAll), none));
        assertEquals(1, GateReport.exitStatus(List.of(i1, catchAll), new TreeSet<>(Set.of("I1", "I6"))));
        assertEquals(3, GateReport.exitStatus(List.of(i1), new TreeSet<>(Set.of("I4"))));
        assertEquals(3, GateReport.exitStatus(List.of(catchAll), new TreeSet<>(Set.of("I4"))));
        assertEquals(0, GateReport.exitStatus(List.of(pass), new TreeSet<>(Set.of("I4"))));
    }

    private int run(String... args) {
        return GateReport.run(args, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private Path copy(String run) throws Exception {
        Path target = Files.createDirectories(dir.resolve(run));
        try (Stream<Path> files = Files.list(TestReportTest.recorded(run))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static TestInfo info(String nested) {
        return TestList.getInfo("org.slabproof.jcstress.Matrix_05_LastFreeVsTrim." + nested);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }
}
