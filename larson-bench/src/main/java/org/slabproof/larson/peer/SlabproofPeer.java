package org.slabproof.larson.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slabproof.AccountingPolicy;
import org.slabproof.Allocator;
import org.slabproof.AllocatorConfig;
import org.slabproof.AllocatorStats;
import org.slabproof.Invariant;
import org.slabproof.Violation;
import org.slabproof.ThreadHeapHandle;
import org.slabproof.variants.KnownBadVariant;

/**
 * The reference SuperSlab allocator under one accounting policy, optionally a known-bad variant.
 * Each thread allocates and frees through its own thread handle, held by its table view; closing
 * the view gives the thread's SuperSlabs up at once, as the thread's exit would.
 */
public final class SlabproofPeer implements Peer {
    private final String id;
    private final String variant;
    private final String description;
    private final Allocator allocator;

    /**
     * Creates the allocator.
     *
     * @param id the command-line id this peer was chosen by
     * @param policy the accounting policy
     * @param variant a known-bad variant, or null for the correct protocol
     * @param maxMappedBytes cap on mapped bytes, or 0 for the allocator's default
     * @param superSlabSize SuperSlab size in bytes, or 0 for the allocator's default
     */
    public SlabproofPeer(String id, AccountingPolicy policy, KnownBadVariant variant, long maxMappedBytes,
            long superSlabSize) {
        // A variant runs on the policy it is built on, whatever the command line named.
        AccountingPolicy base = variant == null ? policy : variant.protocol().policy();
        var builder = AllocatorConfig.builder().policy(base);
        if (maxMappedBytes > 0) {
            builder.maxMappedBytes(maxMappedBytes);
        }
        if (superSlabSize > 0) {
            builder.superSlabSize(superSlabSize);
        }
        this.id = id;
        this.variant = variant == null ? null : variant.id();
        this.allocator = variant == null ? Allocator.create(builder.build()) : variant.newAllocator(builder.build());
        // A variant replaces the policy's protocol with its own, so say which policy it is built on
        // rather than repeat the one the command line named.
        this.description = "reference SuperSlab allocator, "
                + (variant == null ? "policy " + policy.id()
                        : "known-bad variant " + variant.id() + " (built on " + variant.protocol().policy().id()
                                + "; it replaces the policy's protocol)")
                + (maxMappedBytes > 0 ? ", mapped cap " + maxMappedBytes + " bytes" : "")
                + (superSlabSize > 0 ? ", SuperSlab size " + superSlabSize + " bytes" : "");
    }

    /** The allocator under test, for callers that want more than the table (tests, JMH). */
    public Allocator allocator() {
        return allocator;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String variant() {
        return variant;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public BlockTable newTable(int slots) {
        return new Table(slots);
    }

    @Override
    public Optional<AllocatorStats> allocatorStats() {
        return Optional.of(allocator.stats());
    }

    @Override
    public void afterCleanup() {
        // Every view is closed by now, so every thread's heap was given up, the main thread's too.
        // Without that, decrement-at-drain would keep counting the warmup blocks that workers freed
        // remotely into the main thread's slabs: only their live owner drains them. One trim pass
        // then does at once what the periodic trimmer would do a little later: drain and release
        // the abandoned SuperSlabs.
        allocator.trimNow();
    }

    /**
     * The allocator's own check, plus what the counters must say once every block was freed and
     * every heap given up: no SuperSlab left unreleased (I6) and, under decrement-at-free, where the
     * count is exactly the live blocks, no active block (I1). (Under decrement-at-drain blocks still
     * pending on a remote stack are rightly counted; that they were never drained is the I6 part.)
     */
    @Override
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>(allocator.checkInvariants());
        AllocatorStats s = allocator.stats();
        if (allocator.config().policy() == AccountingPolicy.DECREMENT_AT_FREE && s.activeBlocks() != 0) {
            found.add(new Violation(Invariant.I1, "every block was freed but " + s.activeBlocks()
                    + " are still counted active: " + s.superSlabLine()));
        }
        if (s.superSlabsLive() != 0) {
            found.add(new Violation(Invariant.I6, "every block was freed and every heap given up, but "
                    + s.superSlabsLive() + " SuperSlabs were not released: " + s.superSlabLine()));
        }
        return found;
    }

    @Override
    public void close() {
        allocator.close();
    }

    /** Addresses from the calling thread's handle. */
    private final class Table extends AddressTable {
        Table(int slots) {
            super(slots);
        }

        @Override
        public BlockTable.View forCurrentThread() {
            ThreadHeapHandle handle = allocator.attachThread();     // this thread's heap, no lookup per call
            return new AddressTable.View(this) {
                @Override
                long malloc(long size) {
                    return handle.malloc(size);
                }

                @Override
                void release(long address) {
                    handle.free(address);
                }

                @Override
                public void close() {
                    handle.close();
                }
            };
        }
    }
}
