package org.slabproof.larson.jmh;

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
import org.slabproof.AccountingPolicy;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.ThreadHeapHandle;

/**
 * The owner's fast path: one thread mallocs a block of one size class and frees it again, so the
 * free is local and the block comes straight back from the slab's freelist. Through
 * {@link Allocator#malloc} (a thread-local lookup per call) and through the thread's
 * {@link ThreadHeapHandle} (none).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class OwnerMallocFreeBenchmark {

    /** Accounting policy id. */
    @Param({"decrement-at-free", "decrement-at-drain"})
    public String policy;

    /** Request size; 64 is one size class. */
    @Param({"64"})
    public int size;

    private Allocator allocator;
    private ThreadHeapHandle handle;

    /**
     * Creates the allocator and attaches the benchmark thread (JMH runs a thread-scoped setup on the
     * benchmark thread itself, as the handle's thread rule requires).
     */
    @Setup(Level.Trial)
    public void open() {
        allocator = Allocator.create(AllocatorConfig.builder().policy(AccountingPolicy.fromId(policy)).build());
        handle = allocator.attachThread();
    }

    /** Gives the thread's heap up and unmaps everything. */
    @TearDown(Level.Trial)
    public void close() {
        handle.close();
        allocator.close();
    }

    /** One malloc and one local free through the allocator; the address is returned so JMH keeps the work. */
    @Benchmark
    public long mallocFree() {
        long block = allocator.malloc(size);
        allocator.free(block);
        return block;
    }

    /** The same through the thread's handle. */
    @Benchmark
    public long mallocFreeHandle() {
        long block = handle.malloc(size);
        handle.free(block);
        return block;
    }
}
