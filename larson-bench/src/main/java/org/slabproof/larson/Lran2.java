package org.slabproof.larson;

/**
 * Wolfram Gloger's lran2, the small portable generator Larson draws every size and victim from.
 *
 * <p>Reproduced operation for operation from {@code larson.cpp} (a linear congruential generator
 * with modulus 714025 whose outputs are shuffled through a 97-entry table), so that a given seed
 * yields the same sizes and victims as the C benchmark. C's {@code long} is 64-bit on the Linux
 * machines the peers were measured on and Java's {@code %} truncates toward zero like C99's, so
 * plain {@code long} arithmetic matches bit for bit. Not thread-safe: each Larson slot owns one.
 */
public final class Lran2 {
    static final long LRAN2_MAX = 714025L;
    static final long IA = 1366L;
    static final long IC = 150889L;
    private static final int TABLE = 97;

    private long x;
    private long y;
    private final long[] v = new long[TABLE];

    /** Seeds the generator exactly as {@code lran2_init} does. */
    public Lran2(long seed) {
        long s = (IC - seed) % LRAN2_MAX;
        if (s < 0) {
            s = -s;
        }
        for (int j = 0; j < TABLE; j++) {
            s = (IA * s + IC) % LRAN2_MAX;
            v[j] = s;
        }
        x = (IA * s + IC) % LRAN2_MAX;
        y = x;
    }

    /** The next value in {@code [0, 714025)}, exactly as {@code lran2} returns it. */
    public long next() {
        int j = (int) (y % TABLE);
        y = v[j];
        x = (IA * x + IC) % LRAN2_MAX;
        v[j] = x;
        return y;
    }

    /** Table entry {@code j} as left by seeding or drawing; lets tests check the derivation. */
    long table(int j) {
        return v[j];
    }

    /** The generator's LCG state; lets tests check the derivation. */
    long lcgState() {
        return x;
    }
}
