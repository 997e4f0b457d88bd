package org.slabproof.proofs;

import static org.slabproof.Invariant.I1;
import static org.slabproof.Invariant.I2;
import static org.slabproof.Invariant.I5;
import static org.slabproof.Invariant.I6;

import java.util.Map;

import org.slabproof.Invariant;

/**
 * Which invariant a field protects, so that a data race vmlens reports names what it endangers.
 * vmlens race-checks plain (non-volatile) fields; the protocol's shared cells are
 * {@code java.util.concurrent.atomic} objects, so a race is on an owner's or claimant's plain
 * field that a second thread touched without an ordering step (a claim or pin CAS, a state write,
 * a start or join), or on a plain field a known-bad variant put where an atomic belongs.
 *
 * <p>The mapping (vmlens names a field {@code org/slabproof/pkg/Class.field}; the report reads it
 * with dots):
 * <ul>
 * <li>I2 no loss: the remote stack's head ({@code RemoteStack.head}, and the plain head of the
 *     racy-push variant's stack), a slab's freelist, carve pointer and {@code used}, its format
 *     (size class, block size, capacity, index magic: which addresses are blocks), and the
 *     SuperSlab's {@code formattedSlabs} (which slabs a drain or check walks). The block links
 *     themselves live in FFM memory, which vmlens does not see.</li>
 * <li>I1 accounting: the SuperSlab's {@code totalActiveBlocks} and {@code publishedCount}, a slab's
 *     {@code credit}.</li>
 * <li>I5 release only when empty and claimed: the SuperSlab's {@code state} and
 *     {@code currentSlabs} (it is pinned exactly while that is positive).</li>
 * <li>I6 reclamation progresses: the SuperSlab's {@code queued} mark (an abandoned SuperSlab is
 *     queued for adopters, or about to be claimed).</li>
 * </ul>
 * Every other field names no invariant: statistics ({@code SuperSlab.drains}, the heaps'
 * counters), diagnostics ({@code releasedByThread}) and the heaps' owner-only lists. A race on
 * such a field still fails a proof; it just does not count as a catch.
 */
final class RaceMapping {
    private static final String SUPERSLAB = "org.slabproof.superslab.";

    private static final Map<String, Invariant> FIELDS = Map.ofEntries(
            Map.entry(SUPERSLAB + "RemoteStack.head", I2),
            Map.entry("org.slabproof.variants.RacyPush$PlainHeadStack.plainHead", I2),
            Map.entry(SUPERSLAB + "Slab.localFree", I2),
            Map.entry(SUPERSLAB + "Slab.carved", I2),
            Map.entry(SUPERSLAB + "Slab.used", I2),
            Map.entry(SUPERSLAB + "Slab.sizeClass", I2),
            Map.entry(SUPERSLAB + "Slab.blockSize", I2),
            Map.entry(SUPERSLAB + "Slab.capacity", I2),
            Map.entry(SUPERSLAB + "Slab.indexMagic", I2),
            Map.entry(SUPERSLAB + "SuperSlab.formattedSlabs", I2),
            Map.entry(SUPERSLAB + "SuperSlab.totalActiveBlocks", I1),
            Map.entry(SUPERSLAB + "SuperSlab.publishedCount", I1),
            Map.entry(SUPERSLAB + "Slab.creditLimit", I1),
            Map.entry(SUPERSLAB + "SuperSlab.state", I5),
            Map.entry(SUPERSLAB + "SuperSlab.currentSlabs", I5),
            Map.entry(SUPERSLAB + "SuperSlab.queued", I6));

    private RaceMapping() {
    }

    /** The invariant the field ({@code pkg.Class.field}) protects, or null when it protects none of them. */
    static Invariant invariantOf(String field) {
        return FIELDS.get(field);
    }
}
