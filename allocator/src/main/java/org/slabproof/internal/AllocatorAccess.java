package org.slabproof.internal;

import java.util.List;

import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.heap.HeapEnvironment;
import org.slabproof.heap.ThreadHeap;
import org.slabproof.memory.RegionSource;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Geometry;
import org.slabproof.superslab.SuperSlab;

/**
 * The allocator's internals, for the project's own test kits and known-bad variants only: an
 * allocator running a given protocol, and its heaps and live SuperSlabs. This package is exported
 * to those modules alone; nothing here is part of the public API.
 */
public final class AllocatorAccess {
    /** What {@link Allocator} lets this class do; installed by {@link Allocator}'s initializer. */
    public interface Bridge {
        /** An allocator running {@code protocol} instead of its configuration's policy, on {@code source}. */
        Allocator create(AllocatorConfig config, FreeProtocol protocol, RegionSource source);

        /** The configuration's sizes. */
        Geometry geometry(AllocatorConfig config);

        /** What the allocator's heaps share. */
        HeapEnvironment environment(Allocator allocator);

        /** The calling thread's heap of the allocator. */
        ThreadHeap currentHeap(Allocator allocator);
    }

    private static volatile Bridge bridge;

    private AllocatorAccess() {
    }

    /** Installs the bridge (the allocator's class initializer, once). */
    public static void install(Bridge b) {
        bridge = b;
    }

    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            try {
                Class.forName(Allocator.class.getName(), true, Allocator.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            b = bridge;
        }
        return b;
    }

    /** An allocator that runs {@code protocol} (a correct policy or a known-bad variant) on mmap'ed memory. */
    public static Allocator create(AllocatorConfig config, FreeProtocol protocol) {
        return bridge().create(config, protocol, RegionSource.mmap());
    }

    /**
     * An allocator that runs {@code protocol} on the given memory: {@link RegionSource#small()} for
     * tiny SuperSlabs (a few hundred bytes) that a stress suite builds by the thousand.
     */
    public static Allocator create(AllocatorConfig config, FreeProtocol protocol, RegionSource source) {
        return bridge().create(config, protocol, source);
    }

    /** The configuration's sizes as the protocol uses them. */
    public static Geometry geometry(AllocatorConfig config) {
        return bridge().geometry(config);
    }

    /** What the allocator's heaps share: pool, heap registry, counters, protocol. */
    public static HeapEnvironment environment(Allocator allocator) {
        return bridge().environment(allocator);
    }

    /** The calling thread's heap (opened if needed). */
    public static ThreadHeap currentHeap(Allocator allocator) {
        return bridge().currentHeap(allocator);
    }

    /** A new heap, not the calling thread's, reaped when the calling thread dies. */
    public static ThreadHeap newHeap(Allocator allocator) {
        return ThreadHeap.open(environment(allocator), Thread.currentThread());
    }

    /** Live SuperSlabs (a snapshot). */
    public static List<SuperSlab> liveSuperSlabs(Allocator allocator) {
        return environment(allocator).pool().liveSuperSlabs();
    }
}
