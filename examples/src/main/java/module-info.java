/** README's examples: a user of the allocator's exported API, on the module path. */
module org.slabproof.examples {
    requires transitive org.slabproof;
    requires java.management;

    exports org.slabproof.examples;
}
