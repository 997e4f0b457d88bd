package org.slabproof.larson;

import java.util.List;

/**
 * Larson's seven positional arguments, in {@code larson.cpp}'s order:
 * {@code sleep_seconds min_size max_size chunks_per_thread rounds seed threads}.
 *
 * @param sleepSeconds how long the main thread lets the workers run before it raises the stop flag
 * @param minSize smallest block size requested
 * @param maxSize block sizes are {@code minSize + lran2() % (maxSize - minSize)}, so this bound is exclusive
 * @param chunksPerThread slots in each worker's slice
 * @param rounds a worker does {@code rounds * chunksPerThread} replacements, then hands its slice to a successor
 * @param seed the main generator's seed (C reads it into an {@code unsigned})
 * @param threads number of slices, hence of concurrently running workers
 */
public record LarsonArguments(int sleepSeconds, int minSize, int maxSize, int chunksPerThread, int rounds,
        int seed, int threads) {

    /** larson.cpp refuses more blocks than its static table holds; the port keeps the same limit. */
    public static final int MAX_BLOCKS = 1_000_000;

    /** The arguments mimalloc-bench runs: {@code 5 8 1000 5000 100 4141 <threads>}. */
    public static LarsonArguments mimallocBenchDefaults(int threads) {
        return new LarsonArguments(5, 8, 1000, 5000, 100, 4141, threads);
    }

    /** Checks the arguments the C program would silently misbehave on. */
    public LarsonArguments {
        require(sleepSeconds >= 0, "sleep_seconds must be >= 0, got " + sleepSeconds);
        // Every block gets two bytes written into it, as in C; smaller blocks would be overrun.
        require(minSize >= 2, "min_size must be >= 2 (two bytes are written into every block), got " + minSize);
        require(maxSize >= minSize, "max_size must be >= min_size, got " + minSize + " and " + maxSize);
        require(chunksPerThread >= 1, "chunks_per_thread must be >= 1, got " + chunksPerThread);
        require(rounds >= 1, "rounds must be >= 1, got " + rounds);
        require(threads >= 1, "threads must be >= 1, got " + threads);
        require((long) threads * chunksPerThread <= MAX_BLOCKS,
                "threads * chunks_per_thread must be <= " + MAX_BLOCKS + ", got " + (long) threads * chunksPerThread);
    }

    /**
     * Parses exactly seven integers; an empty list means mimalloc-bench's defaults on
     * {@code defaultThreads} threads.
     *
     * @throws IllegalArgumentException on a wrong count, a non-integer, or values the benchmark cannot run
     */
    public static LarsonArguments parse(List<String> positional, int defaultThreads) {
        if (positional.isEmpty()) {
            return mimallocBenchDefaults(defaultThreads);
        }
        if (positional.size() != 7) {
            throw new IllegalArgumentException("expected 7 positional arguments "
                    + "(sleep_seconds min_size max_size chunks_per_thread rounds seed threads), got "
                    + positional.size() + ": " + positional);
        }
        String[] names = {"sleep_seconds", "min_size", "max_size", "chunks_per_thread", "rounds", "seed", "threads"};
        int[] v = new int[7];
        for (int i = 0; i < 7; i++) {
            try {
                v[i] = Integer.parseInt(positional.get(i).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(names[i] + " must be an integer, got '" + positional.get(i) + "'", e);
            }
        }
        return new LarsonArguments(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /** Total slots in the block table: {@code threads * chunksPerThread}. */
    public int totalChunks() {
        return threads * chunksPerThread;
    }

    /** The seed as C's {@code unsigned} would pass it to {@code lran2_init(long)}. */
    public long seedAsCUnsigned() {
        return Integer.toUnsignedLong(seed);
    }

    /** The seven values in command-line order, separated by spaces. */
    public String toCommandLine() {
        return sleepSeconds + " " + minSize + " " + maxSize + " " + chunksPerThread + " " + rounds + " " + seed + " " + threads;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
