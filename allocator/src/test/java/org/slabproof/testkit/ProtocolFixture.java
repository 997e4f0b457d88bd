package org.slabproof.testkit;

import java.util.concurrent.atomic.AtomicInteger;

import org.slabproof.memory.RegionSource;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SizeClasses;
import org.slabproof.superslab.Slab;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.variants.ProtocolCatalog;

/**
 * One tiny SuperSlab of the real protocol classes, cheap enough to build per jcstress sample or
 * Lincheck scenario: 4 slabs of 64 bytes over small native memory, slabs 0 and 1 formatted for
 * 16-byte blocks (4 blocks each), owned by {@link #owner}. Every operation is a one-line
 * delegate to the protocol, so the suites exercise exactly what the allocator runs.
 *
 * <p>Thread rules are the protocol's: {@link #allocate}, {@link #freeLocal}, {@link #drain} by the
 * owner (or the claimant); {@link #freeRemote} by any other thread; the rest by any thread.
 */
public final class ProtocolFixture {
    /** 256-byte SuperSlabs of 64-byte slabs. */
    public static final Geometry TINY = new Geometry(8, 6);
    /** The class the formatted slabs serve: 16-byte blocks, 4 per slab. */
    public static final int CLASS_16 = SizeClasses.classOf(16);

    /** The protocol under test. */
    public final FreeProtocol protocol;
    /** The SuperSlab. */
    public final SuperSlab ss;
    /** Its initial owner token. */
    public final Object owner = new Object();
    private final AtomicInteger releases = new AtomicInteger();

    private ProtocolFixture(FreeProtocol protocol, boolean checked, int formattedSlabs) {
        this.protocol = protocol;
        this.ss = new SuperSlab(1, TINY, RegionSource.small().map(TINY.superSlabSize()), protocol, checked, owner,
                released -> releases.incrementAndGet());
        for (int i = 0; i < formattedSlabs; i++) {
            ss.takeFreshSlab().format(CLASS_16);
        }
    }

    /** A fixture running the protocol with the given id (a policy id or a variant id). */
    public static ProtocolFixture of(String protocolId) {
        return new ProtocolFixture(ProtocolCatalog.create(protocolId), false, 2);
    }

    /** A fixture with exact double-free detection. */
    public static ProtocolFixture checked(String protocolId) {
        return new ProtocolFixture(ProtocolCatalog.create(protocolId), true, 2);
    }

    /** Slab {@code i} (0 and 1 are formatted). */
    public Slab slab(int i) {
        return ss.slab(i);
    }

    /** Owner allocation from slab {@code i}; 0 when the slab has no local block. */
    public long allocate(int slab) {
        return ss.slab(slab).allocate();
    }

    /** Owner free; true if it made the count zero. */
    public boolean freeLocal(long block) {
        return protocol.freeLocal(ss.slabOf(block), block);
    }

    /** Remote free; true if it made the count zero. */
    public boolean freeRemote(long block) {
        return protocol.freeRemote(ss.slabOf(block), block);
    }

    /** Owner drain of slab {@code i}; blocks moved. */
    public int drain(int slab) {
        return protocol.drain(ss.slab(slab));
    }

    /** The owner gives the SuperSlab up (as a thread exit does). */
    public void abandon() {
        ss.abandon();
    }

    /** Reclaim (zero-transition follow-up or trim); true if this call released it. */
    public boolean reclaim() {
        return protocol.reclaim(ss);
    }

    /** Adoption as the heap does it: claim, drain, take ownership. */
    public boolean adopt(Object newOwner) {
        if (!ss.tryClaim()) {
            return false;
        }
        ss.drainAll();
        ss.adopt(newOwner);
        return true;
    }

    /** Times the release sink was called (exactly once is the only correct non-zero answer). */
    public int releases() {
        return releases.get();
    }

    /** The SuperSlab count. */
    public int active() {
        return ss.activeBlocks();
    }

    /** I1 and I2 at a quiescent point: null if they hold. */
    public String validate() {
        return ss.state() == SuperSlab.RELEASED ? null : ss.validate();
    }
}
