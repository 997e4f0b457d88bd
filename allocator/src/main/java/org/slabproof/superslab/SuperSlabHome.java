package org.slabproof.superslab;

/**
 * Where a SuperSlab goes when it leaves its owner: the allocator's pool takes back the region of
 * a released one, and the abandoned queue keeps an abandoned one findable for adopters (I6).
 */
public interface SuperSlabHome {
    /**
     * The SuperSlab was released; its memory view is closed and its region is free to reuse or
     * unmap. Called exactly once per SuperSlab (I3, I5), by the thread that released it.
     */
    void released(SuperSlab superSlab);

    /**
     * The SuperSlab was just given up (its state is ABANDONED): keep it findable for adopters.
     * Called by the thread that wrote ABANDONED, after the write.
     */
    void abandoned(SuperSlab superSlab);
}
