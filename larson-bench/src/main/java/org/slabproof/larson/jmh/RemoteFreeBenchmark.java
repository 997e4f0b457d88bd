package org.slabproof.larson.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
import org.slabproof.AllocatorStats;
import org.slabproof.ThreadHeapHandle;

/**
 * The remote free: an owner thread mallocs blocks and hands them over through a bounded ring; a
 * second thread frees them, so every free is a push onto a remote stack, and the owner's mallocs
 * drain those stacks on their slow path. The auxiliary counters report blocks handed over and
 * remotely freed per second; the idle counters show how often a side found nothing to do.
 *
 * <p>{@code policy=noop} runs the same two threads and ring with no allocator (the owner hands over
 * made-up nonzero words, the remote side drops them): the benchmark's own ceiling, to read next to
 * the allocator's figures. On a 2-vCPU virtual machine that ceiling moves by several times between
 * forks and even between iterations, because the rate of a two-thread hand-over is the rate at
 * which cache lines travel between the two vCPUs, and where the hypervisor puts them decides that.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RemoteFreeBenchmark {

    /** Accounting policy id, or {@code noop}: the ring alone, no allocator. */
    @Param({"decrement-at-free", "decrement-at-drain", "noop"})
    public String policy;

    /** Request size; 64 is one size class. */
    @Param({"64"})
    public int size;

    /** Blocks in flight at most: bounds what the remote side can fall behind by. */
    @Param({"1024"})
    public int ringCapacity;

    private static final String NOOP = "noop";

    private Allocator allocator;                    // null for noop
    private BlockRing ring;

    /** The owner's counts, reported by JMH as rates. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class OwnerCounts {
        /** Blocks malloc'ed and put into the ring. */
        public long handedOver;
        /** Calls that found the ring full and did nothing. */
        public long ringFull;
        private ThreadHeapHandle heap;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            handedOver = 0;
            ringFull = 0;
        }

        /** The owner thread's handle (a thread-scoped setup runs on the benchmark thread); none for noop. */
        @Setup(Level.Trial)
        public void attach(RemoteFreeBenchmark b) {
            heap = b.allocator == null ? null : b.allocator.attachThread();
        }
    }

    /** The remote thread's counts, reported by JMH as rates. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class RemoteCounts {
        /** Blocks freed by the remote thread. */
        public long remoteFrees;
        /** Calls that found the ring empty. */
        public long ringEmpty;
        private ThreadHeapHandle heap;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            remoteFrees = 0;
            ringEmpty = 0;
        }

        /** The remote thread's handle; none for noop. */
        @Setup(Level.Trial)
        public void attach(RemoteFreeBenchmark b) {
            heap = b.allocator == null ? null : b.allocator.attachThread();
        }
    }

    /** Creates the allocator (none for noop) and the ring. */
    @Setup(Level.Trial)
    public void open() {
        allocator = NOOP.equals(policy) ? null
                : Allocator.create(AllocatorConfig.builder().policy(AccountingPolicy.fromId(policy)).build());
        ring = new BlockRing(ringCapacity);
    }

    /**
     * Frees the blocks still in flight, prints how the owner's slow path went (so that a fork's
     * rate can be read against how many blocks each drain brought back), then unmaps everything.
     */
    @TearDown(Level.Trial)
    public void close() {
        if (allocator == null) {
            return;
        }
        for (long block = ring.poll(); block != 0; block = ring.poll()) {
            allocator.free(block);
        }
        AllocatorStats s = allocator.stats();
        System.out.printf("allocator %s: mallocs=%d slow_mallocs=%d drains=%d drained_blocks=%d (%.1f per drain)"
                + " superslabs_peak=%d%n", policy, s.mallocs(), s.slowMallocs(), s.drains(), s.drainedBlocks(),
                s.drains() == 0 ? 0.0 : (double) s.drainedBlocks() / s.drains(), s.superSlabsPeak());
        allocator.close();
    }

    /** Owner: malloc (draining remote frees on the slow path) and hand the block over. */
    @Benchmark
    @Group("remoteFree")
    @GroupThreads(1)
    public void owner(OwnerCounts counts) {
        // Checked before the malloc so that every block allocated here is freed remotely, never locally.
        if (ring.isFull()) {
            counts.ringFull++;
            // Yield rather than spin: with both threads on 2 shared cores, a spinning side can
            // hold the CPU the other side needs, and the benchmark then measures the scheduler.
            Thread.yield();
            return;
        }
        // noop: a made-up word instead of a block, nonzero as every block address is.
        ring.offer(counts.heap == null ? counts.handedOver + 1 : counts.heap.malloc(size));
        counts.handedOver++;
    }

    /** Remote: take a block and free it from this thread, a push onto its slab's remote stack. */
    @Benchmark
    @Group("remoteFree")
    @GroupThreads(1)
    public void remote(RemoteCounts counts) {
        long block = ring.poll();
        if (block == 0) {
            counts.ringEmpty++;
            Thread.yield();
            return;
        }
        if (counts.heap != null) {
            counts.heap.free(block);
        }
        counts.remoteFrees++;
    }
}
