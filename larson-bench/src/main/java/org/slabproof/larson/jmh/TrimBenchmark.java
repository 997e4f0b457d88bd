package org.slabproof.larson.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;

/**
 * What a trimmer pass costs when there is nothing to release: every live SuperSlab holds live
 * blocks, so {@code trimNow()} only inspects. This is the price of the seed's lesson (trim
 * periodically) paid on every tick of the background trimmer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class TrimBenchmark {

    /** SuperSlabs kept live (none empty). */
    @Param({"1", "16"})
    public int superSlabs;

    private Allocator allocator;
    private final List<Long> blocks = new ArrayList<>();

    /** Fills exactly {@code superSlabs} SuperSlabs with live blocks, with the background trimmer off. */
    @Setup(Level.Trial)
    public void open() {
        // Zero turns the background trimmer off, so only the measured calls trim.
        allocator = Allocator.create(AllocatorConfig.builder().trimInterval(Duration.ZERO).build());
        while (true) {
            long block = allocator.malloc(1024);
            if (allocator.stats().superSlabsLive() > superSlabs) {
                allocator.free(block);
                break;
            }
            blocks.add(block);
        }
        // The SuperSlab mapped by the block just freed is empty now: release it before measuring.
        allocator.trimNow();
        if (allocator.stats().superSlabsLive() != superSlabs) {
            throw new IllegalStateException("expected " + superSlabs + " live SuperSlabs, got " + allocator.stats());
        }
    }

    /** Frees the blocks and unmaps everything. */
    @TearDown(Level.Trial)
    public void close() {
        for (long block : blocks) {
            allocator.free(block);
        }
        allocator.close();
    }

    /** One trimmer pass; returns the SuperSlabs it released, which must be 0 here. */
    @Benchmark
    public int trimNow() {
        return allocator.trimNow();
    }
}
