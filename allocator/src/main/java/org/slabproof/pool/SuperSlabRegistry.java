package org.slabproof.pool;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.slabproof.ForeignAddressException;
import org.slabproof.UseAfterReleaseException;
import org.slabproof.superslab.SuperSlab;

/**
 * Address to SuperSlab in O(1), lock-free: SuperSlabs are aligned to their size, so
 * {@code address >>> lgSuperSlab} is a key, looked up in a radix table over the 47-bit user
 * address space (the C allocator masks the pointer and reads a header there; a Java allocator
 * cannot read at the masked address of a foreign pointer without risking a fault, so it keeps the
 * map). Interior levels are installed by CAS and never removed.
 *
 * <p>Implementation notes. Real SuperSlabs (1 MiB and up) leave at most 27 key bits: two levels,
 * one of them allocated up front, so a lookup is two dependent loads. The tiny SuperSlabs of the
 * stress suites leave 39 key bits: four levels of at most 10 bits, so that a registry built per
 * jcstress sample costs a few KiB rather than hundreds.
 *
 * <p>A released SuperSlab leaves a {@link Tombstone} until its region is reused, so that a late
 * free is reported as a use after release rather than as a foreign address.
 */
public final class SuperSlabRegistry {
    private static final int ADDRESS_BITS = 47;

    private final int lgSuperSlab;
    private final int levelBits;                    // bits resolved by each level below the top
    private final int levels;                       // levels including the top
    private final AtomicReferenceArray<Object> top;

    /** What a released SuperSlab leaves behind. */
    record Tombstone(long id, long base, long releasedByThread) {
    }

    /** An empty registry for SuperSlabs of {@code 2^lgSuperSlab} bytes. */
    public SuperSlabRegistry(int lgSuperSlab) {
        this.lgSuperSlab = lgSuperSlab;
        int keyBits = ADDRESS_BITS - lgSuperSlab;
        this.levelBits = keyBits <= 28 ? (keyBits + 1) / 2 : 10;
        this.levels = (keyBits + levelBits - 1) / levelBits;
        this.top = new AtomicReferenceArray<>(1 << (keyBits - (levels - 1) * levelBits));
    }

    /** Makes {@code ss} findable by any address inside it (pool only, before handing it out). */
    void register(SuperSlab ss) {
        long key = ss.base() >>> lgSuperSlab;
        leafFor(key, true).setRelease(slot(key), ss);
    }

    /** Replaces a released SuperSlab by its tombstone (pool only, once). */
    void tombstone(SuperSlab ss) {
        long key = ss.base() >>> lgSuperSlab;
        leafFor(key, true).compareAndSet(slot(key), ss, new Tombstone(ss.id(), ss.base(), ss.releasedByThread()));
    }

    /** Forgets a region entirely (pool only, when unmapping at close). */
    void remove(long base) {
        long key = base >>> lgSuperSlab;
        leafFor(key, true).setRelease(slot(key), null);
    }

    /**
     * The live SuperSlab covering {@code address} (any thread).
     *
     * @throws ForeignAddressException  when no SuperSlab of this allocator covers it
     * @throws UseAfterReleaseException when the SuperSlab that covered it was released
     */
    public SuperSlab superSlabOf(long address) {
        Object entry = entryOf(address);
        if (entry instanceof SuperSlab ss && ss.kind() != SuperSlab.RELEASED) {
            return ss;
        }
        throw notLive(address, entry);
    }

    /** The registry's entry for {@code address}: a SuperSlab, a tombstone, or null. */
    @SuppressWarnings("unchecked")
    private Object entryOf(long address) {
        if (address <= 0 || address >>> ADDRESS_BITS != 0) {
            return null;
        }
        long key = address >>> lgSuperSlab;
        AtomicReferenceArray<Object> leaf;
        if (levels == 2) {                          // real SuperSlabs: two loads, no loop
            leaf = (AtomicReferenceArray<Object>) top.getAcquire((int) (key >>> levelBits));
        } else {
            leaf = leafFor(key, false);
        }
        return leaf == null ? null : leaf.getAcquire(slot(key));
    }

    /** The error for an address whose entry is not a live SuperSlab (kept out of the hot method). */
    private static RuntimeException notLive(long address, Object entry) {
        if (entry instanceof SuperSlab ss) {
            return released(address, ss.id(), ss.releasedByThread());
        }
        if (entry instanceof Tombstone t) {
            return released(address, t.id(), t.releasedByThread());
        }
        return new ForeignAddressException("address 0x" + Long.toHexString(address)
                + " is not in any SuperSlab of this allocator (foreign pointer)");
    }

    private static UseAfterReleaseException released(long address, long id, long thread) {
        return new UseAfterReleaseException("address 0x" + Long.toHexString(address) + " is in SuperSlab #" + id
                + ", which was already released (by thread " + thread + "): use after release");
    }

    private int slot(long key) {
        return (int) (key & ((1L << levelBits) - 1));
    }

    @SuppressWarnings("unchecked")
    private AtomicReferenceArray<Object> leafFor(long key, boolean create) {
        AtomicReferenceArray<Object> node = top;
        for (int level = levels - 1; level > 0; level--) {
            int index = (int) ((key >>> (level * levelBits)) & (level == levels - 1 ? top.length() - 1
                    : (1 << levelBits) - 1));
            Object child = node.getAcquire(index);
            if (child == null) {
                if (!create) {
                    return null;
                }
                node.compareAndExchange(index, null, new AtomicReferenceArray<>(1 << levelBits));
                child = node.getAcquire(index);
            }
            node = (AtomicReferenceArray<Object>) child;
        }
        return node;
    }
}
