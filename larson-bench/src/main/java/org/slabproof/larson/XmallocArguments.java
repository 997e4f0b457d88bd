package org.slabproof.larson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The producer/consumer benchmark's settings, after mimalloc-bench's xmalloc-test
 * ({@code -w} threads, {@code -t} seconds, {@code -s} size), plus a batch count and an idle phase.
 *
 * @param threads producers, and as many consumers ({@code -w})
 * @param seconds time limit of the work phase ({@code -t})
 * @param size block size in bytes, or -1 for xmalloc-test's mix of sizes up to 1024 ({@code -s})
 * @param batches batches each producer makes before it stops, 0 for "until the time limit"
 * @param queueLimit most full batches waiting for a consumer; a producer waits while there are this many
 * @param idleSeconds how long the producers stay alive, idle, after every block was freed; 0 for no idle phase
 * @param produceFirst whether consumers start freeing only once the producers have made all their batches
 */
public record XmallocArguments(int threads, double seconds, int size, int batches, int queueLimit,
        double idleSeconds, boolean produceFirst) {

    /** Blocks per batch, as in xmalloc-test. */
    public static final int BLOCKS_PER_BATCH = 4096;
    /** xmalloc-test's default limit on full batches. */
    public static final int DEFAULT_QUEUE_LIMIT = 100;
    /** The largest queue limit: the block table holds every batch that can exist at once. */
    public static final int MAX_QUEUE_LIMIT = 2000;
    /** The largest block size; the reference allocator serves 1..1024 bytes. */
    public static final int MAX_SIZE = 1024;

    /** The settings mimalloc-bench runs ({@code xmalloc-test -w <procs> -t 5 -s 64}). */
    public static XmallocArguments mimallocBenchDefaults(int threads) {
        return new XmallocArguments(threads, 5, 64, 0, DEFAULT_QUEUE_LIMIT, 0, false);
    }

    /** Checks the settings. */
    public XmallocArguments {
        require(threads >= 1 && threads <= 256, "--threads must be 1..256, got " + threads);
        require(seconds > 0, "--seconds must be > 0, got " + seconds);
        require(size == -1 || (size >= 1 && size <= MAX_SIZE), "--size must be 1.." + MAX_SIZE + " or -1, got " + size);
        require(batches >= 0, "--batches must be >= 0, got " + batches);
        require(queueLimit >= 1 && queueLimit <= MAX_QUEUE_LIMIT,
                "--queue-limit must be 1.." + MAX_QUEUE_LIMIT + ", got " + queueLimit);
        require(idleSeconds >= 0, "--idle must be >= 0, got " + idleSeconds);
        // Otherwise producers would wait on a full stack that no consumer empties.
        require(!produceFirst || (batches > 0 && (long) batches * threads <= queueLimit),
                "--produce-first needs --batches N with threads * N <= --queue-limit, got " + batches + " batches, "
                        + threads + " threads, limit " + queueLimit);
    }

    /**
     * Batches that can exist at once, hence the block table's size in batches: the queue's limit
     * plus one per producer (being filled, or pushed past the limit after the stop, as
     * xmalloc-test's enqueue stops waiting once the run is done) and one per consumer (being freed).
     */
    public int batchesInFlight() {
        return queueLimit + 2 * threads;
    }

    /** The settings as this runner's options, in a fixed order. */
    public List<String> toOptions() {
        List<String> o = new ArrayList<>(List.of("--threads", Integer.toString(threads), "--seconds", number(seconds),
                "--size", Integer.toString(size), "--batches", Integer.toString(batches),
                "--queue-limit", Integer.toString(queueLimit)));
        if (idleSeconds > 0) {
            o.add("--idle");
            o.add(number(idleSeconds));
        }
        if (produceFirst) {
            o.add("--produce-first");
        }
        return o;
    }

    /** The settings as one line, e.g. {@code --threads 2 --seconds 5 --size 64 --batches 0 --queue-limit 100}. */
    public String toCommandLine() {
        return String.join(" ", toOptions());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
