package org.slabproof.proofs;

import org.slabproof.Invariant;

/**
 * What the harness found for one cell under one protocol.
 *
 * @param cell       the cell's id
 * @param races      what races what, in words
 * @param protocol   the protocol's id (a policy, or a known-bad variant)
 * @param explored   interleavings run, counted by the harness itself
 * @param cap        the iteration cap the exploration ran under
 * @param verdict    how it ended
 * @param invariant  the invariant the failing interleaving named, or null (none failed, or it named none)
 * @param detail     what happened, or empty
 * @param millis     wall-clock time of the exploration
 */
record ProofRow(String cell, String races, String protocol, int explored, int cap, Verdict verdict, Invariant invariant,
        String detail, long millis) {

    /** The name given to vmlens, which keys its report: {@code cell[protocol]}. */
    String vmlensName() {
        return TwoThreadProof.vmlensName(cell, protocol);
    }

    /** Tab-separated, for the hand-over from the test JVM to {@link ProofReport}. */
    String toTsv() {
        return String.join("\t", cell, races, protocol, Integer.toString(explored), Integer.toString(cap),
                verdict.name(), invariant == null ? "-" : invariant.name(), detail.replace('\t', ' ').replace('\n', ' '),
                Long.toString(millis));
    }

    /** Parses {@link #toTsv()}. */
    static ProofRow fromTsv(String line) {
        String[] p = line.split("\t", -1);
        return new ProofRow(p[0], p[1], p[2], Integer.parseInt(p[3]), Integer.parseInt(p[4]), Verdict.valueOf(p[5]),
                p[6].equals("-") ? null : Invariant.valueOf(p[6]), p[7], Long.parseLong(p[8]));
    }
}
