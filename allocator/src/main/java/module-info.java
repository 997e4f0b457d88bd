/**
 * The reference SuperSlab allocator: off-heap SuperSlabs of slabs, per-thread heaps, lock-free
 * remote-free stacks, owner drains, a per-SuperSlab {@code totalActiveBlocks}, and a trimmer that
 * returns empty SuperSlabs to the operating system. The public API is package
 * {@link org.slabproof}; everything else is internal, exported only to the project's module of
 * known-bad protocol variants, which overrides protocol steps on purpose.
 */
@SuppressWarnings("module")         // the variants module is not on the allocator's own module path
module org.slabproof {
    requires transitive java.management;
    requires jdk.jfr;

    exports org.slabproof;

    exports org.slabproof.superslab to org.slabproof.variants;
    exports org.slabproof.internal to org.slabproof.variants;
    exports org.slabproof.memory to org.slabproof.variants;
}
