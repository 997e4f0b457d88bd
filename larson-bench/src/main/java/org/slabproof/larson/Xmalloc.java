package org.slabproof.larson;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slabproof.larson.peer.BlockTable;
import org.slabproof.larson.peer.Peer;
import org.slabproof.larson.telemetry.ProcessMemory;
import org.slabproof.larson.telemetry.TelemetryRecorder;

/**
 * A producer/consumer benchmark in the shape of mimalloc-bench's xmalloc-test, run against one
 * {@link Peer}: producers allocate blocks in batches of 4096 (writing up to 128 bytes into each)
 * and hand the batches over a bounded LIFO to consumers, which free every block. So every free is
 * a remote free, and each producer's memory is emptied by other threads while the producer lives.
 *
 * <p>Kept from xmalloc-test: {@code -w} producers and as many consumers, batches of 4096 blocks,
 * a limit of 100 waiting batches, a LIFO hand-over, one size ({@code -s}) or the C program's mix of
 * sizes drawn with lran2 seeded by the producer's number, the memset of up to 128 bytes, the time
 * limit, and frees per second as the result ({@code rtime: ..., free/sec: ... M}).
 *
 * <p>Changed, each for a reason: sizes above 1024 are left out of the mix (the reference
 * allocator's limit); a producer may instead stop after a number of batches (a run that ends by
 * itself, for exact accounting); after the stop, consumers free every batch still waiting (C's
 * main frees them untimed), so that every produced block is freed by a consumer and the timed part
 * ends when the last is; frees are counted as they happen (C adds a batch for a consumer that
 * woke up empty-handed at the end). And an optional idle phase: producers stay alive and idle
 * after every block was freed, while telemetry goes on, which shows what memory a live owner keeps;
 * with {@code --produce-first} the consumers wait until every batch was made, so the producers'
 * whole allocation is live at once before it is freed.
 */
public final class Xmalloc {
    /** xmalloc-test's size mix, up to the reference allocator's 1024 bytes. */
    static final int[] SIZES = {8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024};
    /** Mallocs between two publications of a producer's count: once per batch. */
    private static final int BATCH = XmallocArguments.BLOCKS_PER_BATCH;

    private final XmallocArguments args;
    private final PrintStream progress;

    /**
     * A benchmark with these settings.
     *
     * @param progress where the once-a-second progress line goes, or null for none
     */
    public Xmalloc(XmallocArguments args, PrintStream progress) {
        this.args = args;
        this.progress = progress;
    }

    /** Runs the benchmark once on {@code peer}; never throws for a failure of the peer, reports it instead. */
    public RunResult run(Peer peer) throws InterruptedException {
        int threads = args.threads();
        BlockTable table = peer.newTable(args.batchesInFlight() * BATCH);
        RunControl control = new RunControl();
        BatchStack full = new BatchStack(args.queueLimit(), threads, args.produceFirst());
        ArrayBlockingQueue<Integer> empty = new ArrayBlockingQueue<>(args.batchesInFlight());
        for (int b = 0; b < args.batchesInFlight(); b++) {
            empty.add(b);
        }
        Slot[] producers = new Slot[threads];
        Slot[] consumers = new Slot[threads];
        AtomicInteger producing = new AtomicInteger(threads);
        AtomicInteger consuming = new AtomicInteger(threads);
        CountDownLatch endIdle = new CountDownLatch(1);
        TelemetryRecorder telemetry = new TelemetryRecorder(peer, () -> Slot.publishedMallocs(producers));

        long start = System.nanoTime();
        double elapsed = 0;
        double idleStarted = Double.NaN;
        telemetry.sample(0);
        try {
            for (int i = 0; i < threads; i++) {
                // C seeds each producer's generator with its thread number.
                producers[i] = new Slot(i, 0, 0, args.batches(), new Lran2(i));
                consumers[i] = new Slot(i, 0, 0, 0, null);
            }
            for (int i = 0; i < threads; i++) {
                Slot p = producers[i];
                p.startThread("xmalloc-producer-" + i, () -> produce(p, table, full, empty, producing, endIdle, control));
                Slot c = consumers[i];
                c.startThread("xmalloc-consumer-" + i, () -> consume(c, table, full, empty, consuming, control));
            }
        } catch (RuntimeException | Error e) {
            // E.g. "unable to create native thread": reported as the run's failure.
            control.fail(e);
            full.abort();
        }
        long deadline = start + (long) (args.seconds() * 1e9);
        Sampling.waitAndSample(control, telemetry, start, deadline, "xmalloc", progress, () -> consuming.get() == 0);
        if (consuming.get() > 0) {
            // The time limit (or a failure): producers finish the batch they are filling, consumers empty the stack.
            control.stop();
            full.stop();
            Sampling.waitAndSample(control, telemetry, start, Long.MAX_VALUE, "xmalloc", progress,
                    () -> consuming.get() == 0);
        }
        for (Slot c : consumers) {
            if (c != null) {
                c.joinChain();
            }
        }
        elapsed = (System.nanoTime() - start) / 1e9;
        telemetry.sample(elapsed);
        if (args.idleSeconds() > 0 && control.failure() == null) {
            idleStarted = elapsed;
            long idleEnd = System.nanoTime() + (long) (args.idleSeconds() * 1e9);
            Sampling.waitAndSample(control, telemetry, start, idleEnd, "xmalloc idle", progress);
        }
        endIdle.countDown();
        for (Slot p : producers) {
            if (p != null) {
                p.joinChain();
            }
        }
        // One more sample once the producers are gone: what their exit gave back.
        telemetry.sample((System.nanoTime() - start) / 1e9);

        long mallocs = 0;
        long frees = 0;
        for (int i = 0; i < threads; i++) {
            mallocs += producers[i] == null ? 0 : producers[i].mallocs;
            frees += consumers[i] == null ? 0 : consumers[i].frees;
        }
        SuperSlabFigures atEnd = peer.allocatorStats().map(SuperSlabFigures::of).orElse(null);
        long rssPeak = ProcessMemory.peakRssBytes();
        Throwable failure = control.failure();
        try {
            // Batches left behind only by a failure: freed here, as C's main frees what is left.
            try (BlockTable.View main = table.forCurrentThread()) {
                main.freeAll();
            }
            peer.afterCleanup();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }
        SuperSlabFigures afterCleanup = peer.allocatorStats().map(SuperSlabFigures::of).orElse(null);
        String broken = Breakage.invariants(failure, peer.violations());
        return new RunResult(Workload.XMALLOC, peer.id(), peer.variant(), peer.description(), args.toCommandLine(),
                RunStatus.of(failure), RunStatus.describe(failure), elapsed, mallocs, frees, 2L * threads, rssPeak,
                atEnd, afterCleanup, telemetry.samples(), idleStarted, broken);
    }

    /** A producer: fills batches until its count or the stop, hands each over, then idles until released. */
    private void produce(Slot self, BlockTable table, BatchStack full, ArrayBlockingQueue<Integer> empty,
            AtomicInteger producing, CountDownLatch endIdle, RunControl control) {
        long mallocs = 0;
        try (BlockTable.View view = table.forCurrentThread()) {
            try {
                int fixed = args.size();
                Lran2 random = self.random;
                for (long n = 0; self.iterationsPerThread == 0 || n < self.iterationsPerThread; n++) {
                    if (control.isStopped()) {
                        break;
                    }
                    Integer batch = empty.poll();
                    if (batch == null) {
                        throw new IllegalStateException("no empty batch: the table is sized for every batch in flight");
                    }
                    int base = batch * BATCH;
                    for (int i = 0; i < BATCH; i++) {
                        int size = fixed > 0 ? fixed : SIZES[(int) (random.next() % SIZES.length)];
                        view.allocate(base + i, size);
                        view.fill(base + i, Math.min(size, BlockTable.MAX_FILL), (byte) i);
                    }
                    mallocs += BATCH;
                    self.publish(mallocs);
                    full.push(batch);
                }
            } finally {
                self.mallocs = mallocs;
                if (producing.decrementAndGet() == 0) {
                    full.producersDone();
                }
            }
            // Idle but alive, its view open: the memory a live owner keeps. Released by the main thread.
            endIdle.await();
        } catch (Throwable e) {
            control.fail(e);
            full.abort();
        }
    }

    /** A consumer: frees every block of each batch it takes, until the producers are done and the stack is empty. */
    private static void consume(Slot self, BlockTable table, BatchStack full, ArrayBlockingQueue<Integer> empty,
            AtomicInteger consuming, RunControl control) {
        long frees = 0;
        try (BlockTable.View view = table.forCurrentThread()) {
            for (int batch = full.pop(); batch >= 0; batch = full.pop()) {
                int base = batch * BATCH;
                for (int i = 0; i < BATCH; i++) {
                    view.free(base + i);
                }
                frees += BATCH;
                empty.add(batch);
            }
        } catch (Throwable e) {
            control.fail(e);
            full.abort();
        } finally {
            self.frees = frees;
            consuming.decrementAndGet();
        }
    }
}
