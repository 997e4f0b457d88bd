package org.slabproof.pool;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.slabproof.ForeignAddressException;
import org.slabproof.UseAfterReleaseException;
import org.slabproof.superslab.SuperSlab;

/**
 * Address to SuperSlab in O(1), lock-free: SuperSlabs are aligned to their size, so
 * {@code address >>> lgSuperSlab} is a key, looked up in a three-level radix table over the
 * 47-bit user address space (the C allocator masks the pointer; a Java allocator cannot read a
 * header at the masked address without trusting it, so it keeps the map). Interior levels are
 * installed by CAS and never removed.
 *
 * <p>A released SuperSlab leaves a {@link Tombstone} until its region is reused, so that a late
 * free is reported as a use after release rather than as a foreign address.
 */
public final class SuperSlabRegistry {
    private static final int ADDRESS_BITS = 47;

    private final int lgSuperSlab;
    private final int lowBits;      // bits of the key resolved by the leaf level
    private final int midBits;      // bits resolved by the middle level
    private final AtomicReferenceArray<AtomicReferenceArray<AtomicReferenceArray<Object>>> top;

    /** What a released SuperSlab leaves behind. */
    record Tombstone(long id, long base, long releasedByThread) {
    }

    /** An empty registry for SuperSlabs of {@code 2^lgSuperSlab} bytes. */
    public SuperSlabRegistry(int lgSuperSlab) {
        this.lgSuperSlab = lgSuperSlab;
        int keyBits = ADDRESS_BITS - lgSuperSlab;
        int b = (keyBits + 2) / 3;
        this.lowBits = b;
        this.midBits = b;
        this.top = new AtomicReferenceArray<>(1 << (keyBits - 2 * b));
    }

    /** Makes {@code ss} findable by any address inside it (pool only, before handing it out). */
    void register(SuperSlab ss) {
        long key = ss.base() >>> lgSuperSlab;
        leafFor(key, true).setRelease((int) (key & ((1L << lowBits) - 1)), ss);
    }

    /** Replaces a released SuperSlab by its tombstone (pool only, once). */
    void tombstone(SuperSlab ss) {
        long key = ss.base() >>> lgSuperSlab;
        leafFor(key, true).compareAndSet((int) (key & ((1L << lowBits) - 1)), ss,
                new Tombstone(ss.id(), ss.base(), ss.releasedByThread()));
    }

    /** Forgets a region entirely (pool only, when unmapping at close). */
    void remove(long base) {
        long key = base >>> lgSuperSlab;
        leafFor(key, true).setRelease((int) (key & ((1L << lowBits) - 1)), null);
    }

    /**
     * The live SuperSlab covering {@code address} (any thread).
     *
     * @throws ForeignAddressException  when no SuperSlab of this allocator covers it
     * @throws UseAfterReleaseException when the SuperSlab that covered it was released
     */
    public SuperSlab superSlabOf(long address) {
        Object entry = null;
        if (address > 0 && address >>> ADDRESS_BITS == 0) {
            long key = address >>> lgSuperSlab;
            AtomicReferenceArray<Object> leaf = leafFor(key, false);
            if (leaf != null) {
                entry = leaf.getAcquire((int) (key & ((1L << lowBits) - 1)));
            }
        }
        if (entry instanceof SuperSlab ss) {
            if (ss.state() == SuperSlab.RELEASED) {
                throw released(address, ss.id(), ss.releasedByThread());
            }
            return ss;
        }
        if (entry instanceof Tombstone t) {
            throw released(address, t.id(), t.releasedByThread());
        }
        throw new ForeignAddressException("address 0x" + Long.toHexString(address)
                + " is not in any SuperSlab of this allocator (foreign pointer)");
    }

    private static UseAfterReleaseException released(long address, long id, long thread) {
        return new UseAfterReleaseException("address 0x" + Long.toHexString(address) + " is in SuperSlab #" + id
                + ", which was already released (by thread " + thread + "): use after release");
    }

    private AtomicReferenceArray<Object> leafFor(long key, boolean create) {
        int hi = (int) (key >>> (lowBits + midBits));
        int mid = (int) ((key >>> lowBits) & ((1L << midBits) - 1));
        AtomicReferenceArray<AtomicReferenceArray<Object>> middle = top.getAcquire(hi);
        if (middle == null) {
            if (!create) {
                return null;
            }
            top.compareAndExchange(hi, null, new AtomicReferenceArray<>(1 << midBits));
            middle = top.getAcquire(hi);
        }
        AtomicReferenceArray<Object> leaf = middle.getAcquire(mid);
        if (leaf == null) {
            if (!create) {
                return null;
            }
            middle.compareAndExchange(mid, null, new AtomicReferenceArray<>(1 << lowBits));
            leaf = middle.getAcquire(mid);
        }
        return leaf;
    }
}
