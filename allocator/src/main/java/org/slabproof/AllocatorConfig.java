package org.slabproof;

import java.time.Duration;
import java.util.Objects;

import org.slabproof.superslab.Geometry;

/**
 * How an allocator is built. Defaults: 2 MiB SuperSlabs of 64 KiB slabs, decrement-at-free,
 * unchecked, an empty reserve of 2 whose pages go back to the kernel after 100 ms unused, a
 * trimmer every 10 ms, no cap on mapped bytes.
 *
 * @param superSlabSize    bytes per SuperSlab, a power of two; 1, 2 (default) and 4 MiB are the tested sizes
 * @param slabSize         bytes per slab, a power of two that divides the SuperSlab (default 64 KiB)
 * @param policy           accounting policy
 * @param checked          exact double-free detection (a live bit per block, one more atomic per op)
 * @param emptyReserve     released SuperSlab regions kept mapped for reuse
 * @param reserveIdle      how long a reserve region stays resident unused before the trimmer gives
 *                         its pages back ({@code madvise(MADV_DONTNEED)}; it stays mapped)
 * @param trimInterval     period of the background trimmer; zero turns the thread off
 * @param maxMappedBytes   cap on mapped bytes, reserve included
 * @param adoptionAttempts abandoned SuperSlabs a slow path examines before mapping a new one
 */
public record AllocatorConfig(long superSlabSize, int slabSize, AccountingPolicy policy, boolean checked,
        int emptyReserve, Duration reserveIdle, Duration trimInterval, long maxMappedBytes, int adoptionAttempts) {

    /** Checks the values. */
    public AllocatorConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(trimInterval, "trimInterval");
        Objects.requireNonNull(reserveIdle, "reserveIdle");
        Geometry.ofBytes(superSlabSize, slabSize);              // validates both sizes
        if (emptyReserve < 0 || maxMappedBytes <= 0 || adoptionAttempts < 0 || reserveIdle.isNegative()) {
            throw new IllegalArgumentException(
                    "emptyReserve, adoptionAttempts and reserveIdle must be >= 0, maxMappedBytes > 0");
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
        b.superSlabSize = superSlabSize;
        b.slabSize = slabSize;
        b.policy = policy;
        b.checked = checked;
        b.emptyReserve = emptyReserve;
        b.reserveIdle = reserveIdle;
        b.trimInterval = trimInterval;
        b.maxMappedBytes = maxMappedBytes;
        b.adoptionAttempts = adoptionAttempts;
        return b;
    }

    /** The sizes as the protocol uses them (internal). */
    Geometry geometry() {
        return Geometry.ofBytes(superSlabSize, slabSize);
    }

    /** Builder for {@link AllocatorConfig}. */
    public static final class Builder {
        private long superSlabSize = Geometry.DEFAULT.superSlabSize();
        private int slabSize = Geometry.DEFAULT.slabSize();
        private AccountingPolicy policy = AccountingPolicy.DECREMENT_AT_FREE;
        private boolean checked;
        private int emptyReserve = 2;
        private Duration reserveIdle = Duration.ofMillis(100);
        private Duration trimInterval = Duration.ofMillis(10);
        private long maxMappedBytes = Long.MAX_VALUE;
        private int adoptionAttempts = 4;

        private Builder() {
        }

        /** SuperSlab size in bytes (1, 2 or 4 MiB are the tested choices). */
        public Builder superSlabSize(long bytes) {
            this.superSlabSize = bytes;
            return this;
        }

        /** Slab size in bytes. */
        public Builder slabSize(int bytes) {
            this.slabSize = bytes;
            return this;
        }

        /** Accounting policy. */
        public Builder policy(AccountingPolicy p) {
            this.policy = p;
            return this;
        }

        /** Accounting policy by id ({@code decrement-at-free} or {@code decrement-at-drain}). */
        public Builder policy(String id) {
            this.policy = AccountingPolicy.fromId(id);
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

        /** How long a reserve region stays resident unused before its pages go back to the kernel. */
        public Builder reserveIdle(Duration d) {
            this.reserveIdle = d;
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

        /** Abandoned SuperSlabs examined per slow path before mapping. */
        public Builder adoptionAttempts(int n) {
            this.adoptionAttempts = n;
            return this;
        }

        /** The configuration. */
        public AllocatorConfig build() {
            return new AllocatorConfig(superSlabSize, slabSize, policy, checked, emptyReserve, reserveIdle,
                    trimInterval, maxMappedBytes, adoptionAttempts);
        }
    }
}
