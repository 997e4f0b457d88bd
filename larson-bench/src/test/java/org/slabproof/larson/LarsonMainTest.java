package org.slabproof.larson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slabproof.larson.report.ResultJson;

/** The runner as a script sees it: printed lines, files written, exit status. */
class LarsonMainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(String... argv) {
        return LarsonMain.run(argv, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpExitsZeroWithUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("usage: larson"));
    }

    @Test
    void badCommandLineExitsTwoAndSaysWhy() {
        assertEquals(2, run("--allocator", "nope"));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("unknown allocator 'nope'"));
        assertEquals(2, run("1", "2"));
    }

    @Test
    void singleRunPrintsLarsonsLineAndWritesJsonAndPlot(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Path plot = dir.resolve("r.svg");
        int status = run("--allocator", "slabproof", "--quiet", "--json", json.toString(), "--plot", plot.toString(),
                "1", "8", "64", "16", "2", "4141", "2");
        assertEquals(0, status, out());
        assertTrue(Pattern.compile("(?m)^Throughput = [ \\d]{8,} operations per second, relative time: \\d+\\.\\d{3}s\\.$")
                .matcher(out()).find(), out());
        assertTrue(Pattern.compile("(?m)^superslabs: allocated=\\d+ freed=\\d+ live=\\d+ peak=\\d+ "
                + "mapped_peak_bytes=\\d+ rss_peak_bytes=-?\\d+$").matcher(out()).find(), out());
        RunResult r = ResultJson.read(Files.readString(json));
        assertEquals(RunStatus.OK, r.status());
        assertTrue(r.mallocs() > 0);
        String svg = Files.readString(plot);
        assertTrue(svg.contains("<svg") && svg.contains("Larson 1 8 64 16 2 4141 2: slabproof"), svg);
    }

    @Test
    void xmallocPrintsItsLineAndWritesItsKindOfJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("x.json");
        int status = run("--workload", "xmalloc", "--threads", "1", "--batches", "2", "--quiet", "--json",
                json.toString(), "--plot", dir.resolve("x.png").toString());
        assertEquals(0, status, out());
        assertTrue(Pattern.compile("(?m)^rtime: \\d+\\.\\d{3}, free/sec: \\d+\\.\\d{3} M$").matcher(out()).find(), out());
        assertTrue(out().contains("mallocs=8192 frees=8192"), out());
        RunResult r = ResultJson.read(Files.readString(json));
        assertEquals(Workload.XMALLOC, r.workload());
        assertEquals("--threads 1 --seconds 5 --size 64 --batches 2 --queue-limit 100", r.arguments());
        assertTrue(Files.size(dir.resolve("x.png")) > 0);
    }

    @Test
    void soakComparesWithNoopInChildJvmsAndReportsTheAllocatorsShare(@TempDir Path dir) throws Exception {
        Path plot = dir.resolve("soak.svg");
        int status = run("--soak", "--quiet", "--plot", plot.toString(), "1", "8", "64", "16", "2", "4141", "2");
        assertEquals(0, status, out());
        assertTrue(out().contains("comparison of slabproof, noop"), out());
        assertTrue(Pattern.compile("(?m)^slabproof: ran to the end without running out of memory: yes; second half: ").matcher(out())
                .find(), out());
        assertTrue(Pattern.compile("(?m)^noop +ok .* n/a .* 0\\.0$").matcher(out()).find(), "noop is the baseline: " + out());
        assertTrue(Files.readString(plot).contains("Larson 1 8 64 16 2 4141 2: first run of each"), "the soak drew its chart");
    }

    @Test
    void reachingTheMappedCapEndsTheRunWithStatusThreeAndTheSuperSlabLine() {
        // The seed's bug with a cap of 4 SuperSlabs: it must end at the cap, long before 60 s.
        int status = run("--variant", "seed-missing-remote-dec", "--max-mapped", "8m", "--quiet",
                "60", "8", "128", "1024", "1", "12345", "2");
        assertEquals(3, status, out());
        assertTrue(out().contains("MappedMemoryExhaustedException"), out());
        assertTrue(Pattern.compile("(?m)^superslabs: allocated=(\\d+) freed=0 live=\\1 ").matcher(out()).find(), out());
    }
}
