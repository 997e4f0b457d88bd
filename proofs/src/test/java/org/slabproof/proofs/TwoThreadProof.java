package org.slabproof.proofs;

import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;

/**
 * The harness: runs one {@link Cells cell} under one protocol in every interleaving vmlens can
 * produce, counts the interleavings itself and records a {@link ProofRow}.
 *
 * <p>Implementation notes. The vmlens builder's {@code AllInterleavings} does not throw when the
 * agent is missing, its {@code hasNext()} is just false, so zero interleavings means "not
 * explored", never "proven". The cap is {@code withMaximumIterations}; vmlens reports reaching it
 * only in its HTML report, so the harness also counts: a count at the cap is taken as capped, a
 * safe reading when exploration happens to end exactly there. {@link ProofReport} cross-checks
 * both counts and vmlens's other exploration limits after the report is written.
 */
final class TwoThreadProof {
    private TwoThreadProof() {
    }

    /** The test name given to vmlens, which keys its report. */
    static String vmlensName(String cell, String protocol) {
        return cell + "[" + protocol + "]";
    }

    /**
     * Explores {@code cell} under {@code protocol} and records the outcome in {@link ProofLog}.
     *
     * @throws AssertionError the first failing interleaving's violation, rethrown after recording so
     *                        that JUnit fails and vmlens keeps that interleaving in its report
     */
    static ProofRow explore(Cells cell, String protocol, int cap) throws InterruptedException {
        int explored = 0;
        AssertionError failure = null;
        long start = System.nanoTime();
        try (AllInterleavings all = new AllInterleavingsBuilder().withMaximumIterations(cap)
                .build(vmlensName(cell.id(), protocol))) {
            while (all.hasNext()) {
                explored++;
                Cell.runOnce(cell, protocol);
            }
        } catch (AssertionError e) {
            failure = e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Verdict verdict = failure != null ? Verdict.VIOLATED
                : explored == 0 ? Verdict.NOT_EXPLORED
                : explored >= cap ? Verdict.CAPPED
                : Verdict.PROVEN;
        String detail = switch (verdict) {
            case VIOLATED -> failure.getMessage() + " (interleaving " + explored + ")";
            case NOT_EXPLORED -> "the vmlens agent is not attached: run through the vmlens-maven-plugin";
            case CAPPED -> "stopped at the cap of " + cap + " interleavings: split the cell until it completes";
            case PROVEN -> "";
        };
        ProofRow row = new ProofRow(cell.id(), cell.races(), protocol, explored, cap, verdict, detail, millis);
        ProofLog.add(row);
        if (failure != null) {
            throw failure;
        }
        return row;
    }
}
