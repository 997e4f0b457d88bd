package org.slabproof.testkit.cells;

import org.slabproof.heap.ThreadHeap;
import org.slabproof.superslab.SuperSlab;

/**
 * The setup several cells share, built from real heap steps: the owner fills a first SuperSlab,
 * so that its next malloc maps a second one and unpins the first (now IDLE: still the owner's,
 * but claimable); another heap frees every block of the first SuperSlab but {@code last}.
 *
 * @param idle     the first SuperSlab, IDLE
 * @param last     its one live block
 * @param next     the block that made the owner move on, in the second SuperSlab
 * @param blocks   every block allocated in the first SuperSlab, {@code last} first
 */
record IdleSetup(SuperSlab idle, long last, long next, long[] blocks) {
    /** Builds it: {@code owner} allocates, {@code freer} frees (the freer's frees are remote). */
    static IdleSetup build(Cell cell, ThreadHeap owner, ThreadHeap freer) {
        long[] blocks = Cell.malloc(owner, Cell.SUPERSLAB_BLOCKS);
        long next = owner.malloc(org.slabproof.testkit.TinyWorld.SIZE);
        SuperSlab idle = cell.superSlabOf(blocks[0]);
        for (int i = 1; i < blocks.length; i++) {
            freer.free(blocks[i]);
        }
        return new IdleSetup(idle, blocks[0], next, blocks);
    }
}
