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
import org.slabproof.superslab.ReleaseSink;
import org.slabproof.superslab.SuperSlab;

/**
 * Creates SuperSlabs (from the empty reserve, else by mapping under the cap) and receives them
 * back when released: tombstone in the registry, region to the reserve or unmapped. Slow paths
 * only; any thread.
 */
public final class SuperSlabPool implements ReleaseSink {
    private final Geometry geometry;
    private final RegionSource source;
    private final FreeProtocol protocol;
    private final boolean checked;
    private final long maxMappedBytes;
    private final EmptyReserve reserve;
    private final SuperSlabRegistry registry;
    private final Counters counters;
    private final Supplier<AllocatorStats> stats;       // for the message of the cap exception
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
        this.reserve = new EmptyReserve(emptyReserve);
        this.registry = new SuperSlabRegistry(geometry.lgSuperSlab());
        this.counters = counters;
        this.stats = stats;
    }

    /**
     * A new SuperSlab owned by {@code owner}.
     *
     * @throws MappedMemoryExhaustedException when the cap is reached or mmap fails
     */
    public SuperSlab acquire(Object owner) {
        Region region = reserve.poll();
        boolean fromReserve = region != null;
        if (!fromReserve) {
            region = map();
        }
        SuperSlab ss = new SuperSlab(ids.incrementAndGet(), geometry, region, protocol, checked, owner, this);
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

    /** Regions kept in the reserve. */
    public int reserved() {
        return reserve.size();
    }

    /**
     * Unmaps everything (allocator close; quiescent: no thread may use the allocator any more).
     * Live SuperSlabs are closed without being counted as released.
     */
    public void shutdown() {
        for (SuperSlab ss : liveSuperSlabs()) {
            if (ss.compareAndSetState(ss.state(), SuperSlab.RELEASED)) {
                registry.remove(ss.base());
                live.remove(ss);
                closeQuietly(ss);
                unmap(ss.region());
            }
        }
        for (Region r = reserve.poll(); r != null; r = reserve.poll()) {
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
