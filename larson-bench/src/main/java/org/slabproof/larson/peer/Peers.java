package org.slabproof.larson.peer;

import java.util.List;
import org.slabproof.AccountingPolicy;
import org.slabproof.variants.KnownBadVariant;

/** Creates a peer from its command-line id. */
public final class Peers {
    /** Every id {@link #create} accepts, in the order the help lists them. */
    public static final List<String> IDS = List.of("slabproof", "slabproof-drain", "heap", "netty", "malloc", "noop");

    private Peers() {
    }

    /**
     * Creates the peer named {@code id}.
     *
     * @param variant a known-bad variant id, only for the {@code slabproof} ids; null for none
     * @param maxMappedBytes the reference allocator's cap on mapped bytes, 0 for its default
     * @param superSlabSize the reference allocator's SuperSlab size, 0 for its default
     * @throws IllegalArgumentException for an unknown id, or a variant or cap given to a peer without SuperSlabs
     */
    public static Peer create(String id, String variant, long maxMappedBytes, long superSlabSize) {
        AccountingPolicy policy = switch (id) {
            case "slabproof" -> AccountingPolicy.DECREMENT_AT_FREE;
            case "slabproof-drain" -> AccountingPolicy.DECREMENT_AT_DRAIN;
            default -> null;
        };
        if (policy != null) {
            KnownBadVariant bad = variant == null ? null : KnownBadVariant.fromId(variant);
            return new SlabproofPeer(id, policy, bad, maxMappedBytes, superSlabSize);
        }
        if (variant != null || maxMappedBytes > 0 || superSlabSize > 0) {
            throw new IllegalArgumentException("--variant, --max-mapped and --superslab-size apply to the reference "
                    + "allocator only (slabproof, slabproof-drain), not to '" + id + "'");
        }
        return switch (id) {
            case "heap" -> new HeapPeer();
            case "netty" -> new NettyPeer();
            case "malloc" -> new MallocPeer();
            case "noop" -> new NoopPeer();
            default -> throw new IllegalArgumentException("unknown allocator '" + id + "'; choose one of " + IDS);
        };
    }
}
