package org.slabproof.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slabproof.AllocatorStats;
import org.slabproof.MappedMemoryExhaustedException;
import org.slabproof.memory.NativeMemoryException;
import org.slabproof.memory.Region;
import org.slabproof.memory.RegionSource;
import org.slabproof.stats.Counters;
import org.slabproof.stats.SuperSlabMappedEvent;
import org.slabproof.stats.SuperSlabReleasedEvent;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SuperSlab;
import org.slabproof.superslab.SuperSlabHome;

/**
 * Creates SuperSlabs (from the empty reserve, else by mapping under the cap) and is their home:
 * an abandoned one is queued for adopters, a released one leaves a tombstone in the registry and
 * its region goes to the reserve or is unmapped. Slow paths only; any thread.
 */
public final class SuperSlabPool implements SuperSlabHome {
    private final Geometry geometry;
    private final RegionSource source;
    private final FreeProtocol protocol;
    private final boolean checked;
    private final long maxMappedBytes;
    private final EmptyReserve reserve;
    private final SuperSlabRegistry registry;
    private final Counters counters;
    private final Supplier<AllocatorStats> stats;       // for the message of the cap exception
    private final AbandonedSuperSlabs abandoned = new AbandonedSuperSlabs();
    private final Set<SuperSlab> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    /** A pool; {@code stats} is called only to describe a failure. */
    public SuperSlabPool(Geometry geometry, RegionSource source, FreeProtocol protocol, boolean checked,
            long maxMappedBytes, int emptyReserve, Counters counters, Supplier<AllocatorStats> stats) {
        this.geometry = geometry;
        this.source = source;
        this.protocol = protocol;
        this.checked = checked;
        this.maxMappedBytes = maxMappedBytes;
        this.reserve = new EmptyReserve(emptyReserve, source);
        this.registry = new SuperSlabRegistry(geometry.lgSuperSlab());
        this.counters = counters;
        this.stats = stats;
    }

    /**
     * A new SuperSlab, OWNED (pinned) by the heap with id {@code ownerId}.
     *
     * @throws MappedMemoryExhaustedException when the cap is reached or mmap fails
     */
    public SuperSlab acquire(long ownerId) {
        Region region = reserve.acquire();
        boolean fromReserve = region != null;
        if (!fromReserve) {
            region = map();
        }
        SuperSlab ss = new SuperSlab(ids.incrementAndGet(), geometry, region, protocol, checked, ownerId, this);
        live.add(ss);
        registry.register(ss);
        counters.superSlabAllocated();
        SuperSlabMappedEvent event = new SuperSlabMappedEvent();
        if (event.shouldCommit()) {
            event.id = ss.id();
            event.base = ss.base();
            event.size = region.size();
            event.fromReserve = fromReserve;
            event.commit();
        }
        return ss;
    }

    private Region map() {
        long size = geometry.superSlabSize();
        if (!counters.reserveMapped(size, maxMappedBytes)) {
            throw exhausted("mapped-memory cap of " + maxMappedBytes + " bytes reached");
        }
        try {
            return source.map(size);
        } catch (NativeMemoryException e) {
            counters.unreserveMapped(size);
            throw exhausted(e.getMessage());
        }
    }

    private MappedMemoryExhaustedException exhausted(String why) {
        AllocatorStats s = stats.get();
        return new MappedMemoryExhaustedException("out of memory: " + why + "; " + s.superSlabLine(), s);
    }

    @Override
    public void abandoned(SuperSlab ss) {
        abandoned.offer(ss);
    }

    @Override
    public void released(SuperSlab ss) {
        registry.tombstone(ss);
        live.remove(ss);
        counters.superSlabsFreed.incrementAndGet();
        counters.releasedDrains.add(ss.drains());
        counters.releasedDrainedBlocks.add(ss.drainedBlocks());
        boolean kept = reserve.offer(ss.region());
        if (!kept) {
            unmap(ss.region());
        }
        SuperSlabReleasedEvent event = new SuperSlabReleasedEvent();
        if (event.shouldCommit()) {
            event.id = ss.id();
            event.base = ss.base();
            event.size = ss.region().size();
            event.toReserve = kept;
            event.commit();
        }
    }

    private void unmap(Region region) {
        source.unmap(region);
        counters.unreserveMapped(region.size());
    }

    /** The address map. */
    public SuperSlabRegistry registry() {
        return registry;
    }

    /** SuperSlabs not yet released (a snapshot). */
    public List<SuperSlab> liveSuperSlabs() {
        return new ArrayList<>(live);
    }

    /** SuperSlabs not yet released, weakly consistent, without a copy (the trimmer's walk). */
    public Iterable<SuperSlab> live() {
        return live;
    }

    /** Abandoned SuperSlabs waiting for adopters. */
    public AbandonedSuperSlabs abandonedQueue() {
        return abandoned;
    }

    /** Regions kept in the reserve. */
    public int reserved() {
        return reserve.size();
    }

    /** Regions kept in the reserve whose pages are still resident. */
    public int reservedResident() {
        return reserve.resident();
    }

    /**
     * Gives the pages of reserve regions unused for {@code idleNanos} back to the kernel (the
     * trimmer).
     *
     * @return regions decommitted
     */
    public int decommitIdleReserve(long idleNanos) {
        return reserve.decommitIdle(idleNanos);
    }

    /**
     * Unmaps everything (allocator close; quiescent: no thread may use the allocator any more).
     * Live SuperSlabs are closed without being counted as released.
     */
    public void shutdown() {
        for (SuperSlab ss : liveSuperSlabs()) {
            long state = ss.state();
            if (SuperSlab.kind(state) != SuperSlab.RELEASED && ss.compareAndSetState(state, SuperSlab.RELEASED)) {
                registry.remove(ss.base());
                live.remove(ss);
                closeQuietly(ss);
                unmap(ss.region());
            }
        }
        for (Region r = reserve.acquire(); r != null; r = reserve.acquire()) {
            unmap(r);
        }
    }

    private static void closeQuietly(SuperSlab ss) {
        try {
            ss.closeMemory();
        } catch (IllegalStateException alreadyClosed) {
            // closed by a racing release: nothing left to do
        }
    }
}
