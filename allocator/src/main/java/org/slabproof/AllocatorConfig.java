package org.slabproof;

import java.time.Duration;
import java.util.Objects;

import org.slabproof.memory.RegionSource;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.Geometry;
import org.slabproof.variants.KnownBadVariant;

/**
 * How an allocator is built. Defaults: 2 MiB SuperSlabs of 64 KiB slabs, decrement-at-free,
 * unchecked, an empty reserve of 2, a trimmer every 10 ms, no cap on mapped bytes, real mmap.
 *
 * @param geometry         SuperSlab and slab sizes
 * @param policy           accounting policy
 * @param variant          a known-bad variant to run instead of the policy (tests and gates), or null
 * @param checked          exact double-free detection (a live bit per block, one more atomic per op)
 * @param emptyReserve     released SuperSlab regions kept mapped for reuse
 * @param trimInterval     period of the background trimmer; zero turns the thread off
 * @param maxMappedBytes   cap on mapped bytes, reserve included
 * @param regionSource     where SuperSlab memory comes from
 * @param adoptionAttempts abandoned SuperSlabs a slow path examines before mapping a new one
 */
public record AllocatorConfig(Geometry geometry, AccountingPolicy policy, KnownBadVariant variant, boolean checked,
        int emptyReserve, Duration trimInterval, long maxMappedBytes, RegionSource regionSource,
        int adoptionAttempts) {

    /** Checks the values. */
    public AllocatorConfig {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(trimInterval, "trimInterval");
        Objects.requireNonNull(regionSource, "regionSource");
        if (emptyReserve < 0 || maxMappedBytes <= 0 || adoptionAttempts < 0) {
            throw new IllegalArgumentException("emptyReserve and adoptionAttempts must be >= 0, maxMappedBytes > 0");
        }
    }

    /** The defaults. */
    public static AllocatorConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.geometry = geometry;
        b.policy = policy;
        b.variant = variant;
        b.checked = checked;
        b.emptyReserve = emptyReserve;
        b.trimInterval = trimInterval;
        b.maxMappedBytes = maxMappedBytes;
        b.regionSource = regionSource;
        b.adoptionAttempts = adoptionAttempts;
        return b;
    }

    /** The protocol to run: the variant's if one is set, else the policy's. */
    public FreeProtocol protocol() {
        return variant != null ? variant.protocol() : policy.protocol();
    }

    /** Id of what runs: the variant id, or the policy id. */
    public String protocolId() {
        return variant != null ? variant.id() : policy.id();
    }

    /** Builder for {@link AllocatorConfig}. */
    public static final class Builder {
        private Geometry geometry = Geometry.DEFAULT;
        private AccountingPolicy policy = AccountingPolicy.DECREMENT_AT_FREE;
        private KnownBadVariant variant;
        private boolean checked;
        private int emptyReserve = 2;
        private Duration trimInterval = Duration.ofMillis(10);
        private long maxMappedBytes = Long.MAX_VALUE;
        private RegionSource regionSource = RegionSource.mmap();
        private int adoptionAttempts = 4;

        private Builder() {
        }

        /** SuperSlab and slab geometry. */
        public Builder geometry(Geometry g) {
            this.geometry = g;
            return this;
        }

        /** SuperSlab size in bytes (1, 2 or 4 MiB are the tested choices), slabs stay 64 KiB. */
        public Builder superSlabSize(long bytes) {
            this.geometry = Geometry.ofBytes(bytes, geometry.slabSize());
            return this;
        }

        /** Slab size in bytes. */
        public Builder slabSize(long bytes) {
            this.geometry = Geometry.ofBytes(geometry.superSlabSize(), bytes);
            return this;
        }

        /** Accounting policy. */
        public Builder policy(AccountingPolicy p) {
            this.policy = p;
            return this;
        }

        /**
         * Policy or variant by id ({@code decrement-at-free}, {@code decrement-at-drain}, or a
         * {@link KnownBadVariant} id); a variant id keeps the current policy for reporting.
         */
        public Builder protocol(String id) {
            for (AccountingPolicy p : AccountingPolicy.values()) {
                if (p.id().equals(id)) {
                    this.policy = p;
                    this.variant = null;
                    return this;
                }
            }
            this.variant = KnownBadVariant.fromId(id);
            return this;
        }

        /** Known-bad variant to run (null for none). */
        public Builder variant(KnownBadVariant v) {
            this.variant = v;
            return this;
        }

        /** Exact double-free detection. */
        public Builder checked(boolean c) {
            this.checked = c;
            return this;
        }

        /** Regions kept in the empty reserve. */
        public Builder emptyReserve(int n) {
            this.emptyReserve = n;
            return this;
        }

        /** Trimmer period; {@link Duration#ZERO} turns the background thread off. */
        public Builder trimInterval(Duration d) {
            this.trimInterval = d;
            return this;
        }

        /** Cap on mapped bytes. */
        public Builder maxMappedBytes(long bytes) {
            this.maxMappedBytes = bytes;
            return this;
        }

        /** Source of SuperSlab memory. */
        public Builder regionSource(RegionSource s) {
            this.regionSource = s;
            return this;
        }

        /** Abandoned SuperSlabs examined per slow path before mapping. */
        public Builder adoptionAttempts(int n) {
            this.adoptionAttempts = n;
            return this;
        }

        /** The configuration. */
        public AllocatorConfig build() {
            return new AllocatorConfig(geometry, policy, variant, checked, emptyReserve, trimInterval,
                    maxMappedBytes, regionSource, adoptionAttempts);
        }
    }
}
