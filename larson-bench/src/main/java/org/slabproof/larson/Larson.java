package org.slabproof.larson;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.slabproof.larson.peer.BlockTable;
import org.slabproof.larson.peer.Peer;
import org.slabproof.larson.telemetry.ProcessMemory;
import org.slabproof.larson.telemetry.TelemetryRecorder;

/**
 * The Larson benchmark ({@code runthreads} and {@code warmup} of mimalloc-bench's larson.cpp) run
 * against one {@link Peer}.
 *
 * <p>Kept from C, because the benchmark's meaning depends on it: one generator seeded from the
 * command line drives the warmup and then seeds each slot's own generator; the main thread
 * allocates and shuffles every block, so the workers' first frees are remote frees of the main
 * thread's blocks; each worker hands its slice to a successor thread it spawns; time runs from the
 * moment all workers were started to the end of the last one.
 *
 * <p>Changed from C, each for a stated reason: the main thread joins the workers instead of
 * spinning on flags and sleeping 2.5 s "for old threads to die" (a join is exact); it samples
 * telemetry while it waits (a few reads per 100 ms on a thread that otherwise sleeps); and after
 * the timed part it frees every remaining block so that the allocator's accounting can be checked
 * at a quiescent point (C exits with them live).
 */
public final class Larson {
    private final LarsonArguments args;
    private final PrintStream progress;

    /**
     * A benchmark with these arguments.
     *
     * @param progress where the once-a-second progress line goes, or null for none
     */
    public Larson(LarsonArguments args, PrintStream progress) {
        this.args = args;
        this.progress = progress;
    }

    /** Runs the benchmark once on {@code peer}; never throws for a failure of the peer, reports it instead. */
    public RunResult run(Peer peer) throws InterruptedException {
        Lran2 random = new Lran2(args.seedAsCUnsigned());
        BlockTable table = peer.newTable(args.totalChunks());
        RunControl control = new RunControl();
        Slot[] slots = new Slot[args.threads()];
        TelemetryRecorder telemetry = new TelemetryRecorder(peer, () -> Slot.publishedMallocs(slots));

        double elapsed = 0;
        // The main thread's view lives through the run: the warmup's blocks are its blocks, as in C,
        // and it frees what is left at the end. Obtaining it is part of the run: it can fail too.
        BlockTable.View main = null;
        try {
            main = table.forCurrentThread();
            warmup(main, random);
        } catch (RuntimeException | Error e) {
            control.fail(e);
        }
        if (control.failure() == null) {
            for (int i = 0; i < slots.length; i++) {
                // C: de_area[i].seed = lran2(&rgen), an int, then lran2_init(&de_area[i].rgen, seed).
                int seed = (int) random.next();
                slots[i] = new Slot(i, i * args.chunksPerThread(), args.chunksPerThread(),
                        (long) args.rounds() * args.chunksPerThread(), new Lran2(seed));
            }
            for (Slot slot : slots) {
                try {
                    slot.startThread("larson-" + slot.index + "-0", new Worker(slot, table, control, args.minSize(), args.maxSize()));
                } catch (RuntimeException | Error e) {
                    // E.g. "unable to create native thread": reported as the run's failure.
                    control.fail(e);
                    break;
                }
            }
            long start = System.nanoTime();
            telemetry.sample(0);
            Sampling.waitAndSample(control, telemetry, start, start + TimeUnit.SECONDS.toNanos(args.sleepSeconds()),
                    "larson", progress);
            control.stop();
            for (Slot slot : slots) {
                if (slot != null) {
                    slot.joinChain();
                }
            }
            elapsed = (System.nanoTime() - start) / 1e9;
            telemetry.sample(elapsed);
        }

        long mallocs = 0;
        long frees = 0;
        long threads = 0;
        for (Slot slot : slots) {
            if (slot != null) {
                mallocs += slot.mallocs;
                frees += slot.frees;
                threads += slot.threads;
            }
        }
        SuperSlabFigures atEnd = peer.allocatorStats().map(SuperSlabFigures::of).orElse(null);
        long rssPeak = ProcessMemory.peakRssBytes();

        Throwable failure = control.failure();
        try {
            if (main != null) {
                // Every worker's view is closed (their threads were joined): the main one is the last.
                try {
                    main.freeAll();
                } finally {
                    main.close();
                }
            }
            peer.afterCleanup();
        } catch (RuntimeException e) {
            // The run's own failure, if any, is the story; a cleanup failure after a clean run is one too.
            if (failure == null) {
                failure = e;
            }
        }
        SuperSlabFigures afterCleanup = peer.allocatorStats().map(SuperSlabFigures::of).orElse(null);
        String broken = Breakage.invariants(failure, peer.violations());

        return new RunResult(Workload.LARSON, peer.id(), peer.variant(), peer.description(), args.toCommandLine(),
                RunStatus.of(failure), RunStatus.describe(failure), elapsed, mallocs, frees, threads, rssPeak, atEnd,
                afterCleanup, telemetry.samples(), Double.NaN, broken);
    }

    /** C's warmup: allocate every block, shuffle them, then 4 * N random replacements. */
    private void warmup(BlockTable.View table, Lran2 random) {
        int n = args.totalChunks();
        for (int i = 0; i < n; i++) {
            table.allocate(i, nextSize(random));
        }
        for (int remaining = n; remaining > 0; remaining--) {
            int victim = (int) (random.next() % remaining);
            table.swap(victim, remaining - 1);
        }
        for (long i = 0; i < 4L * n; i++) {
            int victim = (int) (random.next() % n);
            table.free(victim);
            table.allocate(victim, nextSize(random));
        }
    }

    private int nextSize(Lran2 random) {
        int range = args.maxSize() - args.minSize();
        return range == 0 ? args.minSize() : args.minSize() + (int) (random.next() % range);
    }
}
