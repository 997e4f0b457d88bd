package org.slabproof.larson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line parsing: Larson's positional arguments, the defaults, and the options. */
class OptionsTest {

    @Test
    void noArgumentsMeansMimallocBenchDefaultsOnTheGivenCores() {
        Options o = Options.parse(new String[0], 7);
        assertEquals(new LarsonArguments(5, 8, 1000, 5000, 100, 4141, 7), o.larson());
        assertEquals("slabproof", o.allocator());
        assertFalse(o.isComparison());
        assertEquals(3, o.compareRounds());
        assertNull(o.variant());
        assertEquals(0, o.maxMappedBytes());
        assertFalse(o.quiet());
    }

    @Test
    void positionalArgumentsAreInLarsonOrder() {
        Options o = Options.parse("10 8 128 1024 1 12345 4".split(" "), 2);
        LarsonArguments a = o.larson();
        assertEquals(10, a.sleepSeconds());
        assertEquals(8, a.minSize());
        assertEquals(128, a.maxSize());
        assertEquals(1024, a.chunksPerThread());
        assertEquals(1, a.rounds());
        assertEquals(12345, a.seed());
        assertEquals(4, a.threads());
        assertEquals(4096, a.totalChunks());
        assertEquals("10 8 128 1024 1 12345 4", a.toCommandLine());
    }

    @Test
    void optionsMayBeMixedWithPositionalArguments() {
        Options o = Options.parse(new String[] {"--allocator", "slabproof-drain", "1", "8", "--quiet", "64", "10", "2",
            "42", "2", "--variant=seed-missing-remote-dec", "--max-mapped", "256m", "--json", "out.json", "--plot",
            "p.svg"}, 2);
        assertEquals("slabproof-drain", o.allocator());
        assertEquals(new LarsonArguments(1, 8, 64, 10, 2, 42, 2), o.larson());
        assertTrue(o.quiet());
        assertEquals("seed-missing-remote-dec", o.variant());
        assertEquals(256L << 20, o.maxMappedBytes());
        assertEquals(Path.of("out.json"), o.json());
        assertEquals(Path.of("p.svg"), o.plot());
    }

    @Test
    void compareTakesEntriesWithOptionalVariants() {
        Options o = Options.parse(new String[] {"--compare", "slabproof, heap,slabproof@seed-missing-remote-dec",
            "--rounds-of-compare", "5"}, 2);
        assertTrue(o.isComparison());
        assertEquals(List.of("slabproof", "heap", "slabproof@seed-missing-remote-dec"), o.compare());
        assertEquals(5, o.compareRounds());
    }

    @Test
    void negativeSeedIsPositionalAndReachesLran2AsCUnsigned() {
        LarsonArguments a = Options.parse("1 8 16 4 1 -5 1".split(" "), 2).larson();
        assertEquals(-5, a.seed());
        assertEquals(4294967291L, a.seedAsCUnsigned());
    }

    @Test
    void mistakesAreReportedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("1 2 3".split(" "), 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("1 8 x 4 1 1 1".split(" "), 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("1 8 4 4 1 1 1".split(" "), 2),
                "max < min");
        assertThrows(IllegalArgumentException.class, () -> Options.parse("1 1 4 4 1 1 1".split(" "), 2),
                "min < 2 cannot hold the two bytes written");
        assertThrows(IllegalArgumentException.class, () -> Options.parse("1 8 16 500000 1 1 3".split(" "), 2),
                "more than MAX_BLOCKS");
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--allocator", "jemalloc"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--allocator"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--frobnicate"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--variant", "no-such"}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--allocator", "heap", "--variant", "seed-missing-remote-dec"}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--compare", "heap", "--allocator", "netty"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--rounds-of-compare", "0"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--plot", "x.jpg"}, 2));
    }

    @Test
    void xmallocTakesItsOptionsWithMimallocBenchsDefaults() {
        Options d = Options.parse(new String[] {"--workload", "xmalloc"}, 3);
        assertEquals(Workload.XMALLOC, d.workload());
        assertEquals(new XmallocArguments(3, 5, 64, 0, 100, 0, false), d.xmalloc());
        Options o = Options.parse(new String[] {"--workload=xmalloc", "--threads", "2", "--seconds", "1.5", "--size",
            "-1", "--batches", "7", "--queue-limit", "14", "--idle", "3", "--produce-first", "--allocator", "noop"}, 3);
        assertEquals(new XmallocArguments(2, 1.5, -1, 7, 14, 3, true), o.xmalloc());
        assertEquals("noop", o.allocator());
        assertEquals(List.of("--workload", "xmalloc", "--threads", "2", "--seconds", "1.5", "--size", "-1", "--batches",
            "7", "--queue-limit", "14", "--idle", "3", "--produce-first"), o.workloadArguments(),
                "what a comparison's child JVM gets");
        assertEquals(o.xmalloc(), Options.parse(o.workloadArguments().toArray(String[]::new), 3).xmalloc(),
                "the child parses back the same settings");
    }

    @Test
    void xmallocMistakesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--threads", "2"}, 2),
                "xmalloc's options without --workload xmalloc");
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--workload", "xmalloc", "1", "8", "16", "4", "1", "1", "1"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--workload", "other"}, 2));
        for (String[] bad : new String[][] {{"--size", "0"}, {"--size", "1025"}, {"--threads", "0"}, {"--seconds", "0"},
            {"--queue-limit", "0"}, {"--batches", "-1"}, {"--idle", "-1"}, {"--seconds", "NaN"}, {"--size", "x"},
            {"--produce-first", "--batches=0"}, {"--produce-first", "--batches=101"}}) {
            String[] argv = {"--workload", "xmalloc", bad[0], bad[1]};
            assertThrows(IllegalArgumentException.class, () -> Options.parse(argv, 2), String.join(" ", bad));
        }
    }

    @Test
    void soakIsTheSeedsLarsonBesideNoopWithAPlot() {
        Options o = Options.parse(new String[] {"--soak"}, 2);
        assertTrue(o.soak());
        assertEquals(new LarsonArguments(60, 8, 128, 1024, 1, 12345, 4), o.larson());
        assertEquals(List.of("slabproof", "noop"), o.compare());
        assertEquals(1, o.compareRounds());
        assertEquals(Options.SOAK_PLOT, o.plot());

        Options shorter = Options.parse(new String[] {"--soak", "--allocator", "slabproof-drain", "--plot", "s.svg",
            "5", "8", "128", "1024", "1", "12345", "4"}, 2);
        assertEquals(5, shorter.larson().sleepSeconds());
        assertEquals(List.of("slabproof-drain", "noop"), shorter.compare());
        assertEquals(Path.of("s.svg"), shorter.plot());
        assertEquals(List.of("slabproof", "malloc", "noop"),
                Options.parse(new String[] {"--soak", "--compare", "slabproof,malloc"}, 2).compare());
        assertEquals(List.of("slabproof@seed-missing-remote-dec", "noop"),
                Options.parse(new String[] {"--soak", "--variant", "seed-missing-remote-dec"}, 2).compare());
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--soak", "--workload", "xmalloc"}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--soak", "--compare", "heap", "--allocator", "malloc"}, 2));
    }

    @Test
    void noopIsAPeerLikeAnyOther() {
        assertEquals("noop", Options.parse(new String[] {"--allocator", "noop"}, 2).allocator());
        assertEquals(List.of("slabproof", "noop"), Options.parse(new String[] {"--compare", "slabproof,noop"}, 2).compare());
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--allocator", "noop", "--variant", "seed-missing-remote-dec"}, 2));
    }

    @Test
    void helpDoesNotNeedValidPositionalArguments() {
        assertTrue(Options.parse(new String[] {"--help", "nonsense"}, 2).help());
    }
}
