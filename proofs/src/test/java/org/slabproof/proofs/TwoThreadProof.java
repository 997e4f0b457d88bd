package org.slabproof.proofs;

import java.util.concurrent.TimeUnit;

import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;

import org.slabproof.Invariant;
import org.slabproof.testkit.Classifier;
import org.slabproof.testkit.cells.Cells;
import org.slabproof.variants.ProtocolCatalog;

/**
 * The harness: runs one {@link Cells cell} under one protocol in every interleaving vmlens can
 * produce ({@link Interleaving}), counts the interleavings itself and records a {@link ProofRow}.
 *
 * <p>Implementation notes. The vmlens builder's {@code AllInterleavings} does not throw when the
 * agent is missing, its {@code hasNext()} is just false, so zero interleavings means "not
 * explored", never "proven". The cap is {@code withMaximumIterations}; vmlens reports reaching it
 * only in its HTML report, so the harness also counts: a count at the cap is taken as capped, a
 * safe reading when exploration happens to end exactly there. {@link ProofReport} cross-checks
 * both counts and vmlens's other exploration limits after the report is written. Each cell has a
 * time budget, which the {@link Watchdog} enforces.
 */
final class TwoThreadProof {
    private TwoThreadProof() {
    }

    /** The test name given to vmlens, which keys its report. */
    static String vmlensName(String cell, String protocol) {
        return cell + "[" + protocol + "]";
    }

    /**
     * Explores {@code cell} under the protocol {@code protocolId} and records the outcome in
     * {@link ProofLog}. Exploration stops at the first failing interleaving, which vmlens keeps in
     * its report.
     */
    static ProofRow explore(Cells cell, String protocolId, int cap) throws InterruptedException {
        int explored = 0;
        AssertionError failure = null;
        long start = System.nanoTime();
        String name = vmlensName(cell.id(), protocolId);
        boolean timedOut;
        Watchdog.watch(name, cell, protocolId, start, TimeUnit.SECONDS.toNanos(ProofConfig.cellSeconds()));
        try {
            try (AllInterleavings all = new AllInterleavingsBuilder().withMaximumIterations(cap).build(name)) {
                while (!Watchdog.overran() && all.hasNext()) {
                    explored++;
                    Interleaving.run(cell, () -> ProtocolCatalog.create(protocolId));
                }
            } catch (AssertionError e) {
                failure = e;
            }
            timedOut = Watchdog.overran();
        } finally {
            Watchdog.clear();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Verdict verdict = failure != null ? Verdict.VIOLATED
                : explored == 0 ? Verdict.NOT_EXPLORED
                : timedOut ? Verdict.TIMED_OUT
                : explored >= cap ? Verdict.CAPPED
                : Verdict.PROVEN;
        Invariant broken = failure == null ? null : Classifier.of(failure);
        String detail = switch (verdict) {
            case VIOLATED -> failure.getMessage() + " (interleaving " + explored + ")";
            case NOT_EXPLORED -> "the vmlens agent is not attached: run through the vmlens-maven-plugin";
            case CAPPED -> "stopped at the cap of " + cap + " interleavings: find out what vmlens interleaves";
            case TIMED_OUT -> "still exploring after " + ProofConfig.cellSeconds() + " s (proofs.cellSeconds)";
            case PROVEN -> "";
        };
        ProofRow row = new ProofRow(cell.id(), cell.races(), protocolId, explored, cap, verdict, broken, detail, millis);
        ProofLog.add(row);
        return row;
    }
}
